/// The audit of one search, answered by moves: a `*` is safe exactly when the table can be moved
/// from its base point (the true values, the neighbours' seeds) along a move that keeps every
/// published cell, every sum and every link, and that lifts the `*` to the threshold (or, when
/// it is at the threshold already, changes it at all). The base and the moved table are then two
/// tables a reader cannot tell apart, one of them with the cell at or above the threshold: the
/// criterion of `DisclosureAudit`, no more and no less (for a cell below the threshold, a point
/// with it at or above the threshold exists exactly when such a move does).
///
/// Why moves and not the ranges of `RangeSearch`: a move that changes few cells stays a proof
/// while those cells stay `*`. Pruning publishes one cell after another; a range proven by a
/// point that moved 200 stars was lost with every cell published, while a move of four stars
/// survives every step that publishes none of them. The cheapest move is also an easier program
/// than the largest value of a cell (measured beside five earlier counting days: BENCHMARKS.md).
///
/// Every proof is checked in integers before it counts: the solver's arithmetic is floating
/// point, and a safe verdict is a promise about people.
final class MoveCertificates {
    /// What `check` knows of a variable under the pattern applied.
    enum Verdict: Equatable {
        /// A move, checked in integers, proves it safe.
        case safe
        /// No move lifts it (or changes it): the criterion fails.
        case exposed
        /// The solver's move did not hold in integers; the caller must decide otherwise.
        case unknown
    }

    let space: MoveSpace
    let threshold: Int
    private let program: IntegerProgram
    private let count: Int
    /// Whether each of the new report's cells is published (held at its value) right now.
    private var published: [Bool]
    /// Per variable, the new report's cells that the move proving it safe changes (`nil`: none
    /// known). Such a proof holds under every pattern that keeps those cells `*`.
    private var proofs: [[Int]?]

    /// - Parameter price: the cost of moving each variable by one: small for cells that stay
    ///   `*` whatever the pattern (small counts, the neighbours' stars), so that proofs rest on
    ///   them and survive pruning.
    init(space: MoveSpace, threshold: Int, price: [Double]) {
        self.space = space
        self.threshold = threshold
        count = space.base.count
        program = space.moveProgram()
        published = Array(repeating: false, count: space.ownCount)
        proofs = Array(repeating: nil, count: count)
        program.setObjective(
            (0..<count).flatMap { [($0, price[$0]), (count + $0, price[$0])] }, direction: .minimize)
    }

    /// A published cell does not move; a `*` may rise freely and fall to its lower bound.
    private func resetBounds(_ variable: Int) {
        if variable < space.ownCount, published[variable] {
            program.setBounds(column: variable, lower: 0, upper: 0)
            program.setBounds(column: count + variable, lower: 0, upper: 0)
        } else {
            space.free(variable, in: program)
        }
    }

    /// Holds the published cells of `pattern` (over the new report's cells) and frees its stars.
    func apply(pattern: [Bool]) {
        for part in parts { part.apply(pattern) }
        for cell in 0..<space.ownCount where published[cell] == pattern[cell] {
            published[cell] = !pattern[cell]
            resetBounds(cell)
        }
    }

    /// A part of the space (`MoveSpace.restricted(to:)`): every move in it is a move here, in a
    /// much smaller program, built when a variable in it is first checked. Beside many earlier
    /// counting days most parts are never needed (the Kreis parts prove most stars), and each
    /// built one is a GLPK problem held for the whole search.
    final class Part {
        let selection: SpacePart
        /// Its variables, in the numbering of the whole space.
        var variables: [Int] { selection.variables }
        private let make: () -> MoveCertificates
        private(set) var built: MoveCertificates?

        init(variables: [Int], moves make: @escaping () -> MoveCertificates) {
            selection = SpacePart(variables: variables)
            self.make = make
        }

        /// The part's moves under `pattern` (over the whole space's own cells).
        func moves(under pattern: [Bool]) -> MoveCertificates {
            if let built { return built }
            let moves = make()
            moves.apply(pattern: selection.own(pattern))
            built = moves
            return moves
        }

        /// Applies `pattern` (over the whole space's own cells) to the part, if it is built.
        func apply(_ pattern: [Bool]) { built?.apply(pattern: selection.own(pattern)) }

        /// `variable`'s number in the part, when it is in it.
        func index(of variable: Int) -> Int? { selection.index(of: variable) }
    }

    /// Parts tried, in this order, before the whole for the variables in them.
    var parts: [Part] = [] {
        didSet {
            let sets = parts.map { Set($0.variables) }
            within = sets.map { inner in sets.indices.filter { inner.isSubset(of: sets[$0]) } }
        }
    }
    /// Per part, the parts it lies within (itself among them): once a part has no move for a
    /// variable, none of the parts within it has one, and they are skipped (a restriction of a
    /// space without the move). Beside six earlier counting days a cell of the new report
    /// failed in the window of the previous table and then, for nothing, in two parts inside it.
    private var within: [[Int]] = []

    /// Takes a move found elsewhere (the search's protection of a cell) as a proof, under the
    /// pattern it was found for, once it holds in integers here.
    func adopt(_ move: [Int], pattern: [Bool]) {
        guard move.count == count else { return }
        apply(pattern: pattern)
        _ = record(move)
    }

    /// Whether `variable` (a `*` under the pattern applied) passes the criterion.
    func check(_ variable: Int) throws(DisclosureAudit.SolverError) -> Verdict {
        if let proof = proofs[variable], proof.allSatisfy({ !published[$0] }) {
            return .safe
        }
        var failed = Set<Int>()
        for (number, part) in parts.enumerated() {
            guard let index = part.index(of: variable), failed.isDisjoint(with: within[number]) else { continue }
            let found = try part.moves(under: published.map { !$0 }).anyMove(index)
            guard case .moved(let moved) = found else {
                if case .none = found { failed.insert(number) }
                continue
            }
            if record(part.selection.lifted(moved, count: count)) { return .safe }
        }
        switch try anyMove(variable) {
        case .moved(let move): return record(move) ? .safe : .unknown
        case .undecided: return .unknown
        case .none: return .exposed
        }
    }

    /// A move that proves `variable` safe: up to the threshold (or by one), else, for a cell at
    /// the threshold or above, down by one.
    fileprivate func anyMove(_ variable: Int) throws(DisclosureAudit.SolverError) -> Move {
        let base = space.base[variable]
        let up = try move(variable, rise: max(threshold - base, 1))
        guard case .none = up, base >= threshold, base - 1 >= space.lower[variable] else { return up }
        return try move(variable, rise: -1)
    }

    /// What the solver says about a move.
    fileprivate enum Move {
        case moved([Int])
        /// No move exists.
        case none
        /// The solver found none in its time and could not rule one out.
        case undecided
    }

    /// A program that has not found a move in this time hands the cell to the whole attack
    /// (`Verdict.unknown`). The cheapest move mostly comes straight out of the simplex; the rare
    /// program whose relaxation is fractional can take branch-and-cut seconds to close.
    static let timeLimitMs = 1_000

    /// The cheapest move that changes `variable` by at least `rise` (down by at least one for
    /// −1); any move found when the time limit hits.
    private func move(_ variable: Int, rise: Int) throws(DisclosureAudit.SolverError) -> Move {
        defer { resetBounds(variable) }
        space.require(variable, rise: rise, in: program)
        switch program.solve(integer: true, timeLimitMs: Self.timeLimitMs, anySolutionAtTimeLimit: true, dual: true) {
        case .optimal(let values), .found(let values):
            return .moved(space.move(from: values))
        case .infeasible:
            return .none
        case .unbounded:
            throw DisclosureAudit.SolverError(description: "the cheapest move of a count is unbounded below")
        case .failed:
            return .undecided
        }
    }

    /// Checks `move` in integers and, when it holds, keeps it as the proof of every variable it
    /// proves safe that has no valid proof yet. Returns whether it holds.
    private func record(_ move: [Int]) -> Bool {
        guard holds(move) else { return false }
        let support = (0..<space.ownCount).filter { move[$0] != 0 }
        for variable in 0..<count where move[variable] != 0 {
            if let proof = proofs[variable], proof.allSatisfy({ !published[$0] }) { continue }
            let base = space.base[variable]
            let proves = base < threshold ? move[variable] >= threshold - base : true
            if proves { proofs[variable] = support }
        }
        return true
    }

    /// Whether `move` keeps every published cell, every sum and link, and every lower bound.
    private func holds(_ move: [Int]) -> Bool {
        for cell in 0..<space.ownCount where published[cell] && move[cell] != 0 { return false }
        for variable in 0..<count where space.base[variable] + move[variable] < space.lower[variable] { return false }
        for equation in space.equations where equation.reduce(0, { $0 + $1.coefficient * move[$1.variable] }) != 0 { return false }
        for inequality in space.inequalities
        where inequality.terms.reduce(0, { $0 + $1.coefficient * move[$1.variable] }) > inequality.bound {
            return false
        }
        return true
    }
}

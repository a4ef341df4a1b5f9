/// Chooses the secondary suppressions: the fewest and smallest further cells that make every
/// primary cell pass the audit.
///
/// Three steps, each deterministic:
/// 1. **Protection by construction.** For each cell that needs protection (primary cells by
///    position, then whatever the audit finds), an integer program looks for the cheapest way to
///    *move* the table: a change `y` of the cells that keeps every published sum (every relation
///    holds for `y`), lifts the target to the threshold, and keeps every cell ≥ 0. Every cell
///    that moves is suppressed. Moving along such a `y` is exactly what the attacker cannot rule
///    out, so the target's range reaches the threshold. Already suppressed cells move for free;
///    a published cell costs `cost(value)`, so small cells are preferred, as the BA convention
///    does. The cheapest moves are τ-ARGUS's hypercubes: four cells, two areas of one
///    Regierungsbezirk × two categories of one breakdown. A small count is first moved within
///    its Kreis (`KreisMovers`), then, where the Kreis has no move, in the whole table.
/// 2. **The audit decides.** Whatever the audit still finds exposed (for example through an
///    earlier report of the cohort) is protected the same way, until it passes. With reports of
///    the cohort beside this one, their stars move too, and every move respects the links
///    between the reports (`MoveSpace`).
/// 3. **No redundant cell.** Each secondary cell, largest first, is published again if the audit
///    still passes without it; passes repeat until none can be published. So publishing any
///    single secondary cell of the result would make the audit fail.
struct SecondarySuppression {
    /// True values of the table, flat (`area × cellCount + cell`).
    let values: [Int]
    /// The table's cells and the neighbours' stars, with their sums and links.
    let space: MoveSpace
    let threshold: Int
    /// Returns the move-space variables that need (more) protection under a pattern; empty
    /// when the pattern passes the audit.
    /// The second argument names a cell just published, whose neighbourhood is checked first.
    let exposed: ([Bool], Int?) throws(DisclosureAudit.SolverError) -> [Int]
    /// Told of a neighbour's star that no move can protect: it is exposed without this report.
    let giveUp: (Int) -> Void
    /// Told of every move that protects a cell, with the pattern after it: the move proves that
    /// cell (and any other it lifts far enough) safe, so the audit need not look for one again.
    var moved: ([Int], [Bool]) -> Void = { _, _ in }
    /// Per move-space variable, its Kreis (`AttackerKnowledge.kreisOfVariables`); empty: none.
    /// A small count is protected within its Kreis first (`KreisMovers`).
    var kreisOf: [Int?] = []
    private let kreisMovers = KreisMovers()

    /// The price of publishing a cell as `*`: one cell, plus its size, so that small cells are
    /// chosen first and the participants hidden stay few.
    static func cost(_ value: Int) -> Double { 1 + Double(value) / 10 }

    /// - Parameter primary: the small counts.
    func run(primary: [Bool]) throws(DisclosureAudit.SolverError) -> [Bool] {
        var suppressed = try protectAll(primary: primary)
        // Pruning only asks the audit: the search's programs (the whole table's and the
        // Kreise's, each a GLPK problem the size of its part) are freed before it, so they are
        // not held beside the audit's at the end of a search.
        kreisMovers.release()
        try prune(primary: primary, suppressed: &suppressed)
        return suppressed
    }

    /// Steps 1 and 2: every small count protected, then whatever the audit finds, until it
    /// passes.
    private func protectAll(primary: [Bool]) throws(DisclosureAudit.SolverError) -> [Bool] {
        var suppressed = primary
        let mover = Mover(space: space)
        for cell in values.indices where primary[cell] {
            try protect(cell, mover: mover, suppressed: &suppressed)
        }
        // Each round protects what the audit still finds, one exposed cell at a time, so a
        // report beside many earlier ones needs many rounds (more than twenty with two earlier
        // tables on Hessen-shaped data). What must not happen is a round that leaves the search
        // where an earlier one was (a cell published again because it cannot move, then
        // suppressed again): that goes in circles and stops the run.
        struct State: Hashable {
            var suppressed: [Bool]
            var givenUp: Int
        }
        var seen = Set<State>()
        var givenUp = 0
        while true {
            let found = try exposed(suppressed, nil)
            if found.isEmpty { break }
            guard seen.insert(State(suppressed: suppressed, givenUp: givenUp)).inserted else {
                throw DisclosureAudit.SolverError(
                    description:
                        "no suppression pattern passes the audit: protecting the exposed cells goes in circles after \(seen.count) rounds")
            }
            for variable in found {
                if variable < values.count { suppressed[variable] = true }
                do { try protect(variable, mover: mover, suppressed: &suppressed) } catch let error {
                    // No move can change a secondary cell: what readers know of it from the
                    // neighbours leaves no room, so it is published instead.
                    guard case .cannotMove = error.kind else { throw error }
                    if variable >= values.count {
                        giveUp(variable)
                        givenUp += 1
                        continue
                    }
                    guard !primary[variable] else { throw error }
                    suppressed[variable] = false
                }
            }
        }
        return suppressed
    }

    /// Gives a variable the room the criterion asks for: up to the threshold when it is below;
    /// else one step either way, up first.
    private func protect(_ variable: Int, mover: Mover, suppressed: inout [Bool]) throws(DisclosureAudit.SolverError) {
        let base = space.base[variable]
        if base < threshold,
            let move = kreisMovers.protect(variable, need: threshold - base, space: space, kreisOf: kreisOf, suppressed: &suppressed)
        {
            return moved(move, suppressed)
        }
        guard base >= threshold else {
            return moved(try mover.protect(variable, need: threshold - base, suppressed: &suppressed), suppressed)
        }
        do { moved(try mover.protect(variable, need: 1, suppressed: &suppressed), suppressed) } catch let error {
            guard case .cannotMove = error.kind else { throw error }
            moved(try mover.protect(variable, need: -1, suppressed: &suppressed), suppressed)
        }
    }

    /// Step 3: publish again every secondary cell the audit does not need.
    ///
    /// Pruning only publishes, and publishing a cell only adds to what a reader knows: a `*`
    /// exposed once stays exposed under every later pattern in which it is still `*`. So a cell
    /// kept because publishing it exposed a `*` (its witness) stays kept, without a solver, for
    /// as long as that witness is `*`; only once pruning published the witness is it tried again.
    /// The same cells as trying every candidate in every pass, a third of the programs fewer
    /// (BENCHMARKS.md, issue 15).
    private func prune(primary: [Bool], suppressed: inout [Bool]) throws(DisclosureAudit.SolverError) {
        let equations = equationsByCell()
        var witnesses: [Int: Int] = [:]
        var changed = true
        while changed {
            changed = false
            let candidates = values.indices.filter { suppressed[$0] && !primary[$0] }
                .sorted { values[$0] != values[$1] ? values[$0] > values[$1] : $0 > $1 }
            for cell in candidates {
                if let witness = witnesses[cell], witness >= values.count || suppressed[witness] { continue }
                suppressed[cell] = false
                if leavesALoneUnknown(cell, equations: equations, suppressed: suppressed) {
                    suppressed[cell] = true
                    continue
                }
                if let witness = try exposed(suppressed, cell).first {
                    witnesses[cell] = witness
                    suppressed[cell] = true
                } else {
                    changed = true
                }
            }
        }
    }

    /// For each of this report's cells, the equations of the move space it takes part in.
    private func equationsByCell() -> [[Int]] {
        var result = Array(repeating: [Int](), count: space.ownCount)
        for (index, equation) in space.equations.enumerated() {
            for term in equation where term.variable < space.ownCount { result[term.variable].append(index) }
        }
        return result
    }

    /// Whether publishing `cell` leaves one of its sums with a single unknown: that unknown is
    /// then pinned to one value, so the audit would fail. A check in memory that spares the
    /// solver most of the cells pruning cannot publish (measured on the sample data with one
    /// earlier counting day in the ledger: pruning 9.4 s before). Never decides "publish":
    /// that stays the audit's word.
    private func leavesALoneUnknown(_ cell: Int, equations: [[Int]], suppressed: [Bool]) -> Bool {
        for index in equations[cell] {
            var unknowns = 0
            for term in space.equations[index] where term.variable >= space.ownCount || suppressed[term.variable] {
                unknowns += 1
                if unknowns > 1 { break }
            }
            if unknowns == 1 { return true }
        }
        return false
    }
}

extension SecondarySuppression {
    /// The cheapest protecting move of a small count within its Kreis: the Kreis's cells and
    /// projects and the neighbours' stars of them, every other cell held (`MoveSpace.restricted`).
    ///
    /// Why: with about 200 projects per Kreis, a cohort's first month-ends have thousands of
    /// small counts, and each cheapest move in the whole table (8,000 variables beside one
    /// earlier counting day) took about 6 ms: 12 of February's 13 s. A Kreis's projects add up
    /// to its own cells only, so the cheapest move of a project's count almost always stays in
    /// its Kreis, in a program of a few per cent of the size. Where the Kreis has no move, the
    /// whole table is searched as before. A move in the Kreis is a move of the whole table, so
    /// the audit's promise is the same; the pattern is still the search's choice, not an
    /// optimum: on the twelve month-ends of the benchmark's real-size data the cells were the
    /// same on nine nights and within four on the others, 7,494 against 7,497 over the year,
    /// and the same on the sample and golden data (BENCHMARKS.md, issue 15).
    final class KreisMovers {
        private var movers: [Int: (part: SpacePart, mover: Mover)] = [:]

        /// Frees every Kreis's program.
        func release() { movers = [:] }

        /// The move, in the whole space's variables, or `nil` when the Kreis has none (or the
        /// variable belongs to no Kreis, or the solver gave no answer there: the whole table is
        /// then searched, where a failure stops the run as before).
        func protect(_ variable: Int, need: Int, space: MoveSpace, kreisOf: [Int?], suppressed: inout [Bool]) -> [Int]? {
            guard variable < kreisOf.count, let kreis = kreisOf[variable] else { return nil }
            if movers[kreis] == nil {
                let part = SpacePart(variables: kreisOf.indices.filter { kreisOf[$0] == kreis })
                movers[kreis] = (part, Mover(space: space.restricted(to: part.variables)))
            }
            guard let entry = movers[kreis], let local = entry.part.index(of: variable) else { return nil }
            var ownSuppressed = entry.part.own(suppressed)
            guard let move = try? entry.mover.protect(local, need: need, suppressed: &ownSuppressed) else { return nil }
            for (index, cell) in entry.part.ownCells(of: suppressed.count).enumerated() where ownSuppressed[index] {
                suppressed[cell] = true
            }
            return entry.part.lifted(move, count: space.base.count)
        }
    }

    /// The integer program of step 1 (`MoveSpace.moveProgram`), built once and re-aimed at each
    /// target.
    final class Mover {
        let space: MoveSpace
        private let program: IntegerProgram
        private var target: Int?

        init(space: MoveSpace) {
            self.space = space
            program = space.moveProgram()
        }

        private func resetBounds(_ variable: Int) { space.free(variable, in: program) }

        /// The subproblems branch-and-cut may open for the cheapest move before the search takes
        /// the first move instead. A count, not a time, so that the cells do not depend on the
        /// machine's load. The cheapest moves of the twelve month-ends of the sample data needed
        /// at most 571 (GLPK opens about 650 a second here); the 10 s time limit stays behind it.
        static let nodeLimit = 2_000

        /// Suppresses the cheapest set of cells that lets `variable` rise by `need` (fall, when
        /// negative) with every sum and link kept; returns that move.
        func protect(_ variable: Int, need: Int, suppressed: inout [Bool]) throws(DisclosureAudit.SolverError) -> [Int] {
            let count = space.base.count
            if let target { resetBounds(target) }
            target = variable
            guard need > 0 || space.base[variable] + need >= space.lower[variable] else {
                throw DisclosureAudit.SolverError(description: "cell \(variable) cannot fall", kind: .cannotMove)
            }
            space.require(variable, rise: need, in: program)
            var objective: [(column: Int, coefficient: Double)] = []
            for index in 0..<count {
                // Cells already suppressed, and the neighbours' stars, move for free, but not for
                // nothing: a tiny price keeps the move from wandering through the whole table.
                let free = index >= space.ownCount || suppressed[index]
                let price = free ? 0.001 : SecondarySuppression.cost(space.base[index])
                objective += [(index, price), (count + index, price)]
            }
            program.setObjective(objective, direction: .minimize)
            var outcome = program.solve(integer: true, timeLimitMs: DisclosureAudit.timeLimitMs, nodeLimit: Self.nodeLimit)
            if case .failed = outcome {
                // Branch-and-cut did not prove the cheapest move (a fractional relaxation it
                // branches on for long): the first move it finds protects the cell as well, at the
                // price of a cell more perhaps, where giving up would publish nothing that night
                // (BENCHMARKS.md, issue 15). The same program finds the same first move.
                outcome = program.solve(integer: true, timeLimitMs: DisclosureAudit.timeLimitMs, firstSolution: true)
            }
            switch outcome {
            case .optimal(let moves), .found(let moves):
                for index in 0..<space.ownCount where moves[index] != 0 || moves[count + index] != 0 { suppressed[index] = true }
                return space.move(from: moves)
            case .infeasible, .unbounded:
                throw DisclosureAudit.SolverError(
                    description: "cell \(variable) cannot be protected: no move of the table lifts it", kind: .cannotMove)
            case .failed(let reason):
                throw DisclosureAudit.SolverError(description: "the solver did not finish: \(reason)")
            }
        }
    }
}

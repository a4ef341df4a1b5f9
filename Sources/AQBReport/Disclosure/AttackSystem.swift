/// What an attacker knows about the suppressed cells of one or more published tables, as
/// integer constraints: one unknown per suppressed cell, every published cell a constant.
///
/// The model (README, "Geheimhaltung"): the reader knows every published cell of every file,
/// every additive relation between them (`CountTable.relations`), that counts are non-negative
/// integers, the lower bound of a `*` (0, because a `*` may hide a 0), and, for reports of the
/// same cohort at different Stichtage, that a count never shrinks as the Stichtag moves on.
struct AttackSystem {
    /// `Σ coefficient × unknown` compared with `bound`.
    struct Constraint {
        var terms: [(unknown: Int, coefficient: Int)]
        var bound: Int
    }

    /// Lower bound of each unknown.
    private(set) var lowerBounds: [Int] = []
    /// `= bound`.
    private(set) var equations: [Constraint] = []
    /// `≤ bound`.
    private(set) var inequalities: [Constraint] = []
    /// Relations among published cells alone that do not add up: the published figures
    /// contradict the model (a tampered file, or a file from a different rule).
    private(set) var contradictions = 0

    var unknownCount: Int { lowerBounds.count }

    /// One side of a relation: a suppressed cell's unknown, or a published value.
    enum Term {
        case unknown(Int)
        case published(Int)
    }

    /// Adds a table: `values[i]` is the published value of flat cell `i`, or `nil` for `*`.
    /// Returns each flat cell's term, for links between tables.
    /// `minimums` raises the lower bound of single cells (what a published finding tells).
    mutating func addTable(values: [Int?], relations: [AdditiveRelation], lowerBound: Int, minimums: [Int: Int] = [:]) -> [Term] {
        let terms: [Term] = values.enumerated().map { cell, value in
            if let value { return .published(value) }
            lowerBounds.append(max(lowerBound, minimums[cell] ?? 0))
            return .unknown(lowerBounds.count - 1)
        }
        for relation in relations {
            // Σ members − total = 0, or ≤ 0 for parts of a total
            add(
                [(terms[relation.total], -1)] + relation.members.map { (terms[$0], 1) }, bound: 0, equation: relation.isEquation)
        }
        return terms
    }

    /// Adds `smaller ≤ larger` (a count at an earlier Stichtag against the same count later).
    mutating func addAtMost(_ smaller: Term, _ larger: Term) {
        add([(smaller, 1), (larger, -1)], bound: 0, equation: false)
    }

    private mutating func add(_ terms: [(Term, Int)], bound: Int, equation: Bool) {
        var unknownTerms: [(unknown: Int, coefficient: Int)] = []
        var constant = 0
        for (term, coefficient) in terms {
            switch term {
            case .unknown(let unknown): unknownTerms.append((unknown, coefficient))
            case .published(let value): constant += coefficient * value
            }
        }
        let constraint = Constraint(terms: unknownTerms, bound: bound - constant)
        guard !unknownTerms.isEmpty else {
            if equation ? constraint.bound != 0 : constraint.bound < 0 { contradictions += 1 }
            return
        }
        if equation { equations.append(constraint) } else { inequalities.append(constraint) }
    }

    /// The unknowns in groups that share no constraint: each group is solved on its own, which
    /// keeps every integer program small.
    func components() -> [[Int]] {
        var parent = Array(0..<unknownCount)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for constraint in equations + inequalities {
            guard let first = constraint.terms.first?.unknown else { continue }
            for term in constraint.terms.dropFirst() {
                let a = find(first)
                let b = find(term.unknown)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var groups: [Int: [Int]] = [:]
        for unknown in 0..<unknownCount { groups[find(unknown), default: []].append(unknown) }
        return groups.keys.sorted().compactMap { groups[$0] }
    }
}

/// The attack on a suppression pattern, as statistical offices run it before publication
/// (τ-ARGUS's audit, sdcTable's `attack`): for each suppressed cell, the range of values a reader
/// can prove from everything published.
///
/// The criterion: a suppressed cell is safe when its range `[min, max]` has `min < max` (no exact
/// value) and `max ≥ threshold` (a reader cannot even tell that it is a small count). The ranges
/// are integer ranges, computed by GLPK's branch-and-cut, because the attacker is entitled to
/// integrality: a linear relaxation would call cells safe that an integer attack still pins down.
struct DisclosureAudit {
    /// A suppressed cell that fails the criterion, with the range an attacker proves.
    struct Exposure: Equatable {
        var unknown: Int
        var min: Int
        /// `nil`: no upper limit.
        var max: Int?
    }

    /// The solver did not answer as it must on tables of this size.
    struct SolverError: Error, CustomStringConvertible {
        enum Kind { case solver, cannotMove }
        var description: String
        /// `cannotMove`: no change of the table can lift the cell (not a solver failure).
        var kind = Kind.solver
    }

    let system: AttackSystem
    let threshold: Int

    /// Per integer program. A report's programs take milliseconds; one that runs this long means
    /// something is wrong, and the run stops (status 70) rather than publish.
    static let timeLimitMs = 10_000

    /// Every suppressed cell that fails the criterion, in unknown order. The unknowns are
    /// attacked in groups that share no constraint (`AttackSystem.components`), which keeps every
    /// program small.
    func exposures() throws(SolverError) -> [Exposure] {
        var found: [Exposure] = []
        for component in system.components() {
            let local = Dictionary(uniqueKeysWithValues: component.enumerated().map { ($1, $0) })
            let program = IntegerProgram(columns: component.count, integer: true)
            for (column, unknown) in component.enumerated() {
                program.setBounds(column: column, lower: Double(system.lowerBounds[unknown]), upper: nil)
            }
            for equation in system.equations {
                guard let first = equation.terms.first, local[first.unknown] != nil else { continue }
                program.addRow(Self.rowTerms(equation, local), lower: Double(equation.bound), upper: Double(equation.bound))
            }
            for inequality in system.inequalities {
                guard let first = inequality.terms.first, local[first.unknown] != nil else { continue }
                program.addRow(Self.rowTerms(inequality, local), lower: nil, upper: Double(inequality.bound))
            }
            found += try Self.search(
                program, targets: Array(component.indices), seeds: [], threshold: threshold, stopAtFirst: false, solutions: { _ in }
            ).map { Exposure(unknown: component[$0.unknown], min: $0.min, max: $0.max) }
        }
        return found.sorted { $0.unknown < $1.unknown }
    }

    /// The attack on a program already built: maximises and minimises target columns until each
    /// is proven safe or proven exposed. Every solution found is a point the attacker cannot
    /// exclude, so it widens the known range of every column at once; most columns need no
    /// program of their own. Exposures name columns.
    ///
    /// - Parameters:
    ///   - targets: columns to check, in this order.
    ///   - seeds: known solutions per column (`nil`: unknown).
    ///   - solutions: receives every solution found, per column.
    static func search(
        _ program: IntegerProgram, targets: [Int], seeds: [[Int?]], threshold: Int, stopAtFirst: Bool,
        solutions: ([Int]) -> Void
    ) throws(SolverError) -> [Exposure] {
        let count = program.columnCount
        let unbounded = Int.max
        var low = Array(repeating: unbounded, count: count)
        var high = Array(repeating: Int.min, count: count)
        for seed in seeds {
            for column in 0..<count {
                guard let value = seed[column] else { continue }
                low[column] = min(low[column], value)
                high[column] = max(high[column], value)
            }
        }
        var maximised = Array(repeating: false, count: count)
        var minimised = Array(repeating: false, count: count)
        func safe(_ column: Int) -> Bool { high[column] >= threshold && low[column] < high[column] }
        func solve(_ column: Int, _ direction: IntegerProgram.Direction) throws(SolverError) {
            program.setObjective([(column, 1)], direction: direction)
            switch program.solve(integer: true, timeLimitMs: timeLimitMs) {
            case .optimal(let values):
                let point = values.map { Int($0) }
                for index in point.indices {
                    low[index] = min(low[index], point[index])
                    if high[index] != unbounded { high[index] = max(high[index], point[index]) }
                }
                solutions(point)
            case .unbounded where direction == .maximize:
                high[column] = unbounded
            case .unbounded:
                throw SolverError(description: "the smallest value of a count is unbounded below")
            case .infeasible:
                throw SolverError(description: "the published figures contradict each other (no integer solution)")
            case .failed(let reason):
                throw SolverError(description: "the solver did not finish: \(reason)")
            }
        }

        var exposures: [Exposure] = []
        for column in targets {
            if safe(column) { continue }
            if !maximised[column] {
                try solve(column, .maximize)
                maximised[column] = true
            }
            if safe(column) { continue }
            if !minimised[column] {
                try solve(column, .minimize)
                minimised[column] = true
            }
            if safe(column) { continue }
            exposures.append(Exposure(unknown: column, min: low[column], max: high[column] == unbounded ? nil : high[column]))
            if stopAtFirst { break }
        }
        return exposures
    }

    /// Some integer point that satisfies the whole system, or `nil` when there is none.
    static func anySolution(of system: AttackSystem) throws(SolverError) -> [Int]? {
        guard system.unknownCount > 0 else { return [] }
        let program = IntegerProgram(columns: system.unknownCount, integer: true)
        for unknown in 0..<system.unknownCount {
            program.setBounds(column: unknown, lower: Double(system.lowerBounds[unknown]), upper: nil)
        }
        let all = Dictionary(uniqueKeysWithValues: (0..<system.unknownCount).map { ($0, $0) })
        for equation in system.equations {
            program.addRow(Self.rowTerms(equation, all), lower: Double(equation.bound), upper: Double(equation.bound))
        }
        for inequality in system.inequalities {
            program.addRow(Self.rowTerms(inequality, all), lower: nil, upper: Double(inequality.bound))
        }
        // The smallest total: a bounded objective, so the solver always ends.
        program.setObjective((0..<system.unknownCount).map { ($0, 1) }, direction: .minimize)
        switch program.solve(integer: true, timeLimitMs: timeLimitMs) {
        case .optimal(let values): return values.map { Int($0) }
        case .infeasible: return nil
        case .unbounded: throw SolverError(description: "a sum of counts is unbounded below")
        case .failed(let reason): throw SolverError(description: "the solver did not finish: \(reason)")
        }
    }

    private static func rowTerms(_ constraint: AttackSystem.Constraint, _ local: [Int: Int]) -> [(column: Int, coefficient: Double)] {
        constraint.terms.compactMap { term in local[term.unknown].map { ($0, Double(term.coefficient)) } }
    }
}

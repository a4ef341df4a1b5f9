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

    /// The attack on a program already built: each target column proven safe or exposed, in
    /// order (`RangeSearch`). Exposures name columns.
    ///
    /// - Parameters:
    ///   - targets: columns to check, in this order.
    ///   - seeds: known solutions per column (`nil`: unknown).
    ///   - solutions: receives every solution found, per column.
    static func search(
        _ program: IntegerProgram, targets: [Int], seeds: [[Int?]], threshold: Int, stopAtFirst: Bool,
        solutions: @escaping ([Int]) -> Void
    ) throws(SolverError) -> [Exposure] {
        let search = RangeSearch(program: program, threshold: threshold, seeds: seeds, solutions: solutions)
        var exposures: [Exposure] = []
        for column in targets {
            guard let exposure = try search.check(column) else { continue }
            exposures.append(exposure)
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
        case .found: throw SolverError(description: "the solver did not finish: time limit")
        }
    }

    private static func rowTerms(_ constraint: AttackSystem.Constraint, _ local: [Int: Int]) -> [(column: Int, coefficient: Double)] {
        constraint.terms.compactMap { term in local[term.unknown].map { ($0, Double(term.coefficient)) } }
    }
}

import Testing

@testable import AQBReport

/// The GLPK wrapper on programs whose answers are known.
@Suite struct IntegerProgramTests {
    @Test func integerOptimumDiffersFromTheLinearOne() {
        // max x + y with 2x + 2y ≤ 3: the relaxation reaches 1.5, whole numbers only 1.
        let program = IntegerProgram(columns: 2, integer: true)
        program.addRow([(0, 2), (1, 2)], lower: nil, upper: 3)
        program.setObjective([(0, 1), (1, 1)], direction: .maximize)
        guard case .optimal(let values) = program.solve(integer: true, timeLimitMs: 1_000) else {
            Issue.record("no optimum")
            return
        }
        #expect(values[0] + values[1] == 1)
        guard case .optimal(let relaxed) = program.solve(integer: false, timeLimitMs: 1_000) else {
            Issue.record("no optimum of the relaxation")
            return
        }
        #expect(relaxed[0] + relaxed[1] == 1.5)
    }

    /// The weights of a knapsack of capacity 12 whose items are worth their weight plus one:
    /// its relaxation is fractional, so branch-and-cut has to run.
    static let weights = [5.0, 4, 3, 7, 6, 2]

    static func knapsack() -> IntegerProgram {
        let program = IntegerProgram(columns: weights.count, integer: true)
        for column in weights.indices { program.setBounds(column: column, lower: 0, upper: 1) }
        program.addRow(weights.enumerated().map { ($0.offset, $0.element) }, lower: nil, upper: 12)
        program.setObjective(weights.enumerated().map { ($0.offset, $0.element + 1) }, direction: .maximize)
        return program
    }

    @Test func branchAndCutStopsAtTheFirstSolutionWhenAsked() {
        // With `firstSolution` branch-and-cut stops at the first integer solution it finds (the
        // search's fallback when the cheapest protection is not proven), which must be feasible.
        let weights = Self.weights
        let program = Self.knapsack()
        guard case .optimal(let best) = program.solve(integer: true, timeLimitMs: 1_000) else {
            Issue.record("no optimum")
            return
        }
        guard case .found(let first) = program.solve(integer: true, timeLimitMs: 1_000, firstSolution: true) else {
            Issue.record("branch-and-cut did not stop at a first solution")
            return
        }
        #expect(first.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(zip(first, weights).map { $0 * $1 }.reduce(0, +) <= 12)
        func value(_ x: [Double]) -> Double { zip(x, weights).map { $0 * ($1 + 1) }.reduce(0, +) }
        #expect(value(first) <= value(best))
    }

    @Test func branchAndCutStopsAtItsNodeLimit() {
        // The knapsack's optimum needs branching, which one subproblem does not allow.
        let program = Self.knapsack()
        guard case .failed(let reason) = program.solve(integer: true, timeLimitMs: 1_000, nodeLimit: 1) else {
            Issue.record("branch-and-cut went past its node limit")
            return
        }
        #expect(reason.contains("subproblems"))
        guard case .optimal = program.solve(integer: true, timeLimitMs: 1_000, nodeLimit: 1_000) else {
            Issue.record("no optimum within 1,000 subproblems")
            return
        }
    }

    @Test func equationsAndBoundsHold() {
        // x + y + z = 10, x = 4 fixed, y ≤ 2: min z is 4, max z is 6.
        let program = IntegerProgram(columns: 3, integer: true)
        program.addRow([(0, 1), (1, 1), (2, 1)], lower: 10, upper: 10)
        program.setBounds(column: 0, lower: 4, upper: 4)
        program.setBounds(column: 1, lower: 0, upper: 2)
        program.setObjective([(2, 1)], direction: .minimize)
        #expect(program.solve(integer: true, timeLimitMs: 1_000) == .optimal([4, 2, 4]))
        program.setObjective([(2, 1)], direction: .maximize)
        #expect(program.solve(integer: true, timeLimitMs: 1_000) == .optimal([4, 0, 6]))
    }

    @Test func unboundedAndInfeasibleAreTold() {
        let open = IntegerProgram(columns: 2, integer: true)
        open.addRow([(0, 1), (1, -1)], lower: 0, upper: 0)
        open.setObjective([(0, 1)], direction: .maximize)
        #expect(open.solve(integer: true, timeLimitMs: 1_000) == .unbounded)

        let contradiction = IntegerProgram(columns: 1, integer: true)
        contradiction.addRow([(0, 1)], lower: 5, upper: 5)
        contradiction.setBounds(column: 0, lower: 0, upper: 3)
        contradiction.setObjective([(0, 1)], direction: .maximize)
        #expect(contradiction.solve(integer: true, timeLimitMs: 1_000) == .infeasible)
    }

    @Test func repeatedColumnsInARowAreMerged() {
        // x + x ≤ 5 (GLPK itself refuses a column twice in a row): max x is 2.
        let program = IntegerProgram(columns: 1, integer: true)
        program.addRow([(0, 1), (0, 1)], lower: nil, upper: 5)
        program.setObjective([(0, 1)], direction: .maximize)
        #expect(program.solve(integer: true, timeLimitMs: 1_000) == .optimal([2]))
    }
}

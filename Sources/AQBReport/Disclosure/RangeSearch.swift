/// The ranges an attacker can prove for the columns of one program, found lazily: a column is
/// maximised and minimised only while the points known so far leave it unsafe.
///
/// Every solution found is a point the attacker cannot exclude, so it widens the known range of
/// every column at once; most columns need no program of their own. Points found in a smaller
/// program whose solutions are solutions of this one widen it too (`widen`).
final class RangeSearch {
    let program: IntegerProgram
    let threshold: Int
    private let solutions: ([Int]) -> Void
    private var low: [Int]
    private var high: [Int]
    private var maximised: [Bool]
    private var minimised: [Bool]
    private static let unbounded = Int.max

    /// - Parameters:
    ///   - seeds: known solutions per column (`nil`: unknown).
    ///   - solutions: receives every solution the program finds, per column.
    init(program: IntegerProgram, threshold: Int, seeds: [[Int?]], solutions: @escaping ([Int]) -> Void) {
        self.program = program
        self.threshold = threshold
        self.solutions = solutions
        let count = program.columnCount
        low = Array(repeating: Self.unbounded, count: count)
        high = Array(repeating: Int.min, count: count)
        maximised = Array(repeating: false, count: count)
        minimised = Array(repeating: false, count: count)
        for seed in seeds {
            for column in 0..<count {
                guard let value = seed[column] else { continue }
                low[column] = min(low[column], value)
                high[column] = max(high[column], value)
            }
        }
    }

    /// Takes a solution known from elsewhere into the ranges (its first `columnCount` values).
    func widen(_ point: [Int]) {
        for index in 0..<min(point.count, low.count) {
            low[index] = min(low[index], point[index])
            if high[index] != Self.unbounded { high[index] = max(high[index], point[index]) }
        }
    }

    /// The criterion of the audit: the range reaches the threshold and holds more than one value.
    func isSafe(_ column: Int) -> Bool { high[column] >= threshold && low[column] < high[column] }

    /// Proves `column` safe, or returns the range that exposes it.
    func check(_ column: Int) throws(DisclosureAudit.SolverError) -> DisclosureAudit.Exposure? {
        if isSafe(column) { return nil }
        if !maximised[column] {
            try solve(column, .maximize)
            maximised[column] = true
        }
        if isSafe(column) { return nil }
        if !minimised[column] {
            try solve(column, .minimize)
            minimised[column] = true
        }
        if isSafe(column) { return nil }
        return DisclosureAudit.Exposure(unknown: column, min: low[column], max: high[column] == Self.unbounded ? nil : high[column])
    }

    private func solve(_ column: Int, _ direction: IntegerProgram.Direction) throws(DisclosureAudit.SolverError) {
        program.setObjective([(column, 1)], direction: direction)
        switch program.solve(integer: true, timeLimitMs: DisclosureAudit.timeLimitMs) {
        case .optimal(let values):
            let point = values.map { Int($0) }
            widen(point)
            solutions(point)
        case .unbounded where direction == .maximize:
            high[column] = Self.unbounded
        case .unbounded:
            throw DisclosureAudit.SolverError(description: "the smallest value of a count is unbounded below")
        case .infeasible:
            throw DisclosureAudit.SolverError(description: "the published figures contradict each other (no integer solution)")
        case .found:
            throw DisclosureAudit.SolverError(description: "the solver did not finish: time limit")
        case .failed(let reason):
            throw DisclosureAudit.SolverError(description: "the solver did not finish: \(reason)")
        }
    }
}

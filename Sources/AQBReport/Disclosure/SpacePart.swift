/// Some variables of a move space, numbered as `MoveSpace.restricted(to:)` numbers them: the
/// part's own numbering of what the audit's parts (`MoveCertificates.Part`) and the search
/// within a Kreis (`SecondarySuppression.KreisMovers`) solve, and the way back.
///
/// The new report's cells come first among the variables (ascending), but they are not a prefix
/// of the whole table's: a Kreis's cells lie anywhere in it.
struct SpacePart {
    /// In the numbering of the whole space, ascending.
    let variables: [Int]
    private let local: [Int: Int]

    init(variables: [Int]) {
        self.variables = variables
        local = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1, $0) })
    }

    /// `variable`'s number in the part, when it is in it.
    func index(of variable: Int) -> Int? { local[variable] }

    /// The new report's cells among the variables, for a space with `ownCount` of them.
    func ownCells(of ownCount: Int) -> ArraySlice<Int> { variables.prefix { $0 < ownCount } }

    /// Per-cell values of the whole report (a pattern, what is suppressed) for the part's cells.
    func own<Value>(_ values: [Value]) -> [Value] { ownCells(of: values.count).map { values[$0] } }

    /// A move of the part as a move of the whole space of `count` variables, the others held.
    func lifted(_ move: [Int], count: Int) -> [Int] {
        var whole = Array(repeating: 0, count: count)
        for (index, variable) in variables.enumerated() { whole[variable] = move[index] }
        return whole
    }
}

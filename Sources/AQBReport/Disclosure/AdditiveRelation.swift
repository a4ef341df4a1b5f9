/// A sum every reader of the report knows: `total = Σ members`, or `total ≥ Σ members` for parts
/// of a total whose rest is not published, over cells numbered across the whole table
/// (`CountTable.flatCells`).
///
/// The relations are the heart of the attacker model: a suppressed cell is safe only if these
/// sums, with every published cell, do not pin it down. They are built in one place,
/// `CountTable.relations(parents:layout:projects:)`.
public struct AdditiveRelation: Hashable, Sendable {
    public var total: Int
    public var members: [Int]
    /// `false`: the members are parts of the total, `Σ members ≤ total`.
    public var isEquation: Bool

    public init(total: Int, members: [Int], isEquation: Bool = true) {
        self.total = total
        self.members = members
        self.isEquation = isEquation
    }
}

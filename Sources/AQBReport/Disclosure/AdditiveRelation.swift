/// A sum every reader of the report knows: `total = Σ members`, over cells numbered across the
/// whole table (`area × cellCount + cell`).
///
/// The relations are the heart of the attacker model: a suppressed cell is safe only if these
/// sums, with every published cell, do not pin it down. They are built in one place,
/// `CountTable.relations(parents:layout:)`.
public struct AdditiveRelation: Hashable, Sendable {
    public var total: Int
    public var members: [Int]

    public init(total: Int, members: [Int]) {
        self.total = total
        self.members = members
    }
}

/// How many rows of each table a report took into account, for the manifest and the log.
public struct RowCounts: Sendable, Equatable, Codable {
    public var gebietskoerperschaft = 0
    public var zielvereinbarung = 0
    public var budgetAenderung = 0
    public var projekt = 0
    public var ausgabe = 0
    public var teilnahme = 0

    public init() {}

    public static func + (lhs: RowCounts, rhs: RowCounts) -> RowCounts {
        var sum = lhs
        sum.gebietskoerperschaft += rhs.gebietskoerperschaft
        sum.zielvereinbarung += rhs.zielvereinbarung
        sum.budgetAenderung += rhs.budgetAenderung
        sum.projekt += rhs.projekt
        sum.ausgabe += rhs.ausgabe
        sum.teilnahme += rhs.teilnahme
        return sum
    }

    public var total: Int { gebietskoerperschaft + zielvereinbarung + budgetAenderung + projekt + ausgabe + teilnahme }
}

/// Where each participant count sits in an area's row of counts: total, Geschlecht,
/// Maßnahmenarten, Rechtskreise, Förderschwerpunkte, then the inclusion cells (with a
/// disability, disability unknown, active on the Stichtag).
///
/// The one definition of that order. The renderers ask it where a count is, disclosure control
/// asks it which cells add up to which, and the audit of a published folder rebuilds the same
/// rows from the CSV files with it. A folder written before a breakdown existed has a layout
/// without it (`foerderschwerpunktCount` 0, no `inclusion`).
public struct CellLayout: Sendable, Hashable {
    public let massnahmenartCount: Int
    public let rechtskreisCount: Int
    /// Förderschwerpunkt cells including the last one, "ohne Förderschwerpunkt"; 0 when the
    /// report has no such breakdown.
    public let foerderschwerpunktCount: Int
    /// Whether the row carries the inclusion cells.
    public let inclusion: Bool

    public init(massnahmenartCount: Int, rechtskreisCount: Int, foerderschwerpunktCount: Int = 0, inclusion: Bool = false) {
        self.massnahmenartCount = massnahmenartCount
        self.rechtskreisCount = rechtskreisCount
        self.foerderschwerpunktCount = foerderschwerpunktCount
        self.inclusion = inclusion
    }

    /// The total `teilnehmende` of the area.
    public let total = 0
    public func geschlecht(_ index: Int) -> Int { geschlechtRange.lowerBound + index }
    public func massnahmenart(_ index: Int) -> Int { massnahmenartRange.lowerBound + index }
    public func rechtskreis(_ index: Int) -> Int { rechtskreisRange.lowerBound + index }
    /// `index` in the report's Förderschwerpunkte; `nil`: the cell of projects without one.
    public func foerderschwerpunkt(_ index: Int?) -> Int {
        index.map { foerderschwerpunktRange.lowerBound + $0 } ?? (foerderschwerpunktRange.upperBound - 1)
    }

    /// Gender cells `w`, `m`, `d`, ohne Angabe, in the order of `Geschlecht.allCases`.
    public var geschlechtRange: Range<Int> { 1..<(1 + Geschlecht.allCases.count) }
    /// Maßnahmenart cells, in `sortierung` order.
    public var massnahmenartRange: Range<Int> { geschlechtRange.upperBound..<(geschlechtRange.upperBound + massnahmenartCount) }
    /// Rechtskreis cells, in `sortierung` order.
    public var rechtskreisRange: Range<Int> {
        massnahmenartRange.upperBound..<(massnahmenartRange.upperBound + rechtskreisCount)
    }
    /// Förderschwerpunkt cells in `sortierung` order, then "ohne Förderschwerpunkt".
    public var foerderschwerpunktRange: Range<Int> {
        rechtskreisRange.upperBound..<(rechtskreisRange.upperBound + foerderschwerpunktCount)
    }
    /// Participations with a (Schwer-)Behinderung; only with `inclusion`.
    public var mitBehinderung: Int { foerderschwerpunktRange.upperBound }
    /// Participations without the information; only with `inclusion`.
    public var behinderungUnbekannt: Int { foerderschwerpunktRange.upperBound + 1 }
    /// Participations still active on the Stichtag; only with `inclusion`.
    public var aktiv: Int { foerderschwerpunktRange.upperBound + 2 }

    /// The breakdowns of the total: each adds up to it.
    public var breakdowns: [Range<Int>] { [geschlechtRange, massnahmenartRange, rechtskreisRange, foerderschwerpunktRange] }
    /// Parts of the total that do not add up to it (the rest is not published): each group's
    /// sum is at most the total.
    public var parts: [[Int]] { inclusion ? [[mitBehinderung, behinderungUnbekannt], [aktiv]] : [] }
    /// Length of every area's row.
    public var cellCount: Int { foerderschwerpunktRange.upperBound + (inclusion ? 3 : 0) }

    /// Whether a cell can only grow as the Stichtag moves on (the link between reports of one
    /// cohort): every count of entries does; the participations active on the Stichtag do not.
    public func growsWithStichtag(_ cell: Int) -> Bool { !(inclusion && cell == aktiv) }
}

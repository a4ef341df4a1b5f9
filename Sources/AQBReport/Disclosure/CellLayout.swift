/// Where each participant count sits in an area's row of counts: total, Geschlecht,
/// Maßnahmenarten, Rechtskreise.
///
/// The one definition of that order. The renderers ask it where a count is, disclosure control
/// asks it which cells add up to which, and the audit of a published folder rebuilds the same
/// rows from the CSV files with it.
public struct CellLayout: Sendable, Hashable {
    public let massnahmenartCount: Int
    public let rechtskreisCount: Int

    public init(massnahmenartCount: Int, rechtskreisCount: Int) {
        self.massnahmenartCount = massnahmenartCount
        self.rechtskreisCount = rechtskreisCount
    }

    /// The total `teilnehmende` of the area.
    public let total = 0
    public func geschlecht(_ index: Int) -> Int { geschlechtRange.lowerBound + index }
    public func massnahmenart(_ index: Int) -> Int { massnahmenartRange.lowerBound + index }
    public func rechtskreis(_ index: Int) -> Int { rechtskreisRange.lowerBound + index }

    /// Gender cells `w`, `m`, `d`, ohne Angabe, in the order of `Geschlecht.allCases`.
    public var geschlechtRange: Range<Int> { 1..<(1 + Geschlecht.allCases.count) }
    /// Maßnahmenart cells, in `sortierung` order.
    public var massnahmenartRange: Range<Int> { geschlechtRange.upperBound..<(geschlechtRange.upperBound + massnahmenartCount) }
    /// Rechtskreis cells, in `sortierung` order.
    public var rechtskreisRange: Range<Int> {
        massnahmenartRange.upperBound..<(massnahmenartRange.upperBound + rechtskreisCount)
    }
    /// The breakdowns of the total: each adds up to it.
    public var breakdowns: [Range<Int>] { [geschlechtRange, massnahmenartRange, rechtskreisRange] }
    /// Length of every area's row.
    public var cellCount: Int { rechtskreisRange.upperBound }
}

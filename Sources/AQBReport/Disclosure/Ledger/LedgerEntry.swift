import Foundation

/// One count table that left the tool: the participant counts of one cohort at one counting day,
/// as every reader has them (a value, or `nil` for `*`).
///
/// Why a record of its own: readers keep what was mailed long after `keep` removed the folder,
/// and a folder under the output base can be edited by anyone who can write there. The audit of
/// a new report must know exactly what was published, no more and no less, so it reads this
/// record, never the folders (README, "Das Register der Veröffentlichungen").
public struct LedgerEntry: Sendable, Equatable, Codable {
    /// The AQB year (cohort).
    public var year: Int
    /// The counting day the counts are for.
    public var zaehltag: CalendarDate
    /// The Stichtag of the first report that published this table.
    public var stichtag: CalendarDate
    public var counts: PublishedCounts

    public init(year: Int, zaehltag: CalendarDate, stichtag: CalendarDate, counts: PublishedCounts) {
        self.year = year
        self.zaehltag = zaehltag
        self.stichtag = stichtag
        self.counts = counts
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text), date.description == text else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

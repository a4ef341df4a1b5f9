import Foundation

/// The state of the database a run reads: when its snapshot was taken and how fresh it is.
public struct Snapshot: Sendable {
    public var takenAt: Date
    /// The newest booking dated on or before the snapshot's day.
    public var newestBooking: CalendarDate?
    public var serverVersion: String
    /// Bookings dated after the snapshot's day, or `infinity`/`-infinity`: they say nothing about
    /// the feed's freshness, and are named in a warning instead.
    public var unusualBookings = 0
    /// Up to three of them, as `ausgabe 17 (9999-12-31)`.
    public var unusualExamples = ""

    /// Reads it inside the run's transaction, so `now()` is the snapshot's start.
    static func read(_ connection: PGConnection) throws -> Snapshot {
        let result = try connection.query(ReportQuery.snapshot.sql)
        try result.checkColumns([.int8, .text, .text, .int8, .text])
        let row = result.row(0)
        return Snapshot(
            takenAt: Date(timeIntervalSince1970: TimeInterval(try row.int(0))),
            newestBooking: try row.date(1),
            serverVersion: try row.requiredString(2),
            unusualBookings: try row.int(3),
            unusualExamples: row.string(4) ?? "")
    }
}

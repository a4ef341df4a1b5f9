import Foundation

/// The state of the database a run reads: when its snapshot was taken and how fresh it is.
public struct Snapshot: Sendable {
    public var takenAt: Date
    public var newestBooking: CalendarDate?
    public var serverVersion: String

    /// Reads it inside the run's transaction, so `now()` is the snapshot's start.
    static func read(_ connection: PGConnection) throws -> Snapshot {
        let result = try connection.query(ReportQuery.snapshot.sql)
        try result.checkColumns([.int8, .text, .text])
        let row = result.row(0)
        return Snapshot(
            takenAt: Date(timeIntervalSince1970: TimeInterval(try row.int(0))),
            newestBooking: try row.date(1),
            serverVersion: try row.requiredString(2))
    }
}

import Logging

/// `aqb-report check`: is this database ready for the report? One screen for the operator.
public struct SetupCheck {
    /// The schema version this tool expects (raised by `sql/schema/005_targets_and_earmarks.sql`).
    public static let schemaVersion = 2

    public struct Item: Sendable {
        /// How a line is marked: `ok`, `WARN` (the report works, but should not run like this) or `FAIL`.
        public enum Level: Sendable { case ok, warning, failure }

        public var name: String
        public var level: Level
        public var detail: String
        public var ok: Bool { level != .failure }
    }

    public init() {}

    /// Connects the way a report run does (same settings and retries, so `--connect-attempts`
    /// means the same here) and checks tables, privileges, indexes, schema version and
    /// reference rows.
    public func run(_ request: ReportRequest, logger: Logger) throws(ReportError) -> [Item] {
        let connection = try DatabaseSession.connect(request, logger: logger)
        do {
            var items = [
                Item(
                    name: "connection", level: .ok,
                    detail: "PostgreSQL server version \(connection.serverVersion / 10000).\(connection.serverVersion % 100)")
            ]
            items += try rows(connection.query(ReportQuery.checkRole.sql), failing: .warning)
            items += try rows(connection.query(ReportQuery.check.sql), failing: .failure)
            if items.allSatisfy(\.ok) {
                items += try rows(connection.query(ReportQuery.checkContents.sql, [String(SetupCheck.schemaVersion)]), failing: .failure)
                items += try bookings(Snapshot.read(connection))
            }
            return items
        } catch let error as PGError {
            throw ReportError.database(error)
        } catch {
            throw ReportError(.software, "unexpected failure while checking: \(error)")
        }
    }

    /// The newest booking as the report sees it (dated up to today), and a warning naming the
    /// bookings dated later or `infinity`, as the report's head and log name them.
    func bookings(_ snapshot: Snapshot) -> [Item] {
        var items = [Item(name: "newest booking", level: .ok, detail: snapshot.newestBooking?.description ?? "no bookings yet")]
        if snapshot.unusualBookings > 0 {
            items.append(
                Item(
                    name: "bookings after today", level: .warning,
                    detail:
                        "\(snapshot.unusualBookings) dated after today or not at all, e.g. \(snapshot.unusualExamples); correct their buchungstag. The report warns about them and does not count them for freshness."
                ))
        }
        return items
    }

    /// The rows of a check query; a row whose second column is false gets `failing`.
    private func rows(_ result: PGResult, failing: Item.Level) throws(PGError) -> [Item] {
        try result.checkColumns([.text, .bool, .text])
        return (0..<result.rowCount).map { index in
            let row = result.row(index)
            return Item(name: row.string(0) ?? "?", level: row.string(1) == "t" ? .ok : failing, detail: row.string(2) ?? "")
        }
    }
}

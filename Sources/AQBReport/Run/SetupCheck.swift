import Logging

/// `aqb-report check`: is this database ready for the report? One screen for the operator.
public struct SetupCheck {
    /// The schema version this tool expects (`sql/schema/004_schema_version.sql`).
    public static let schemaVersion = 1

    public struct Item: Sendable {
        public var name: String
        public var ok: Bool
        public var detail: String
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
                    name: "connection", ok: true,
                    detail: "PostgreSQL server version \(connection.serverVersion / 10000).\(connection.serverVersion % 100)")
            ]
            items += try rows(connection.query(ReportQuery.check.sql))
            if items.allSatisfy(\.ok) {
                items += try rows(connection.query(ReportQuery.checkContents.sql, [String(SetupCheck.schemaVersion)]))
            }
            return items
        } catch {
            throw ReportError.database(error)
        }
    }

    private func rows(_ result: PGResult) throws(PGError) -> [Item] {
        try result.checkColumns([.text, .bool, .text])
        return (0..<result.rowCount).map { index in
            let row = result.row(index)
            return Item(name: row.string(0) ?? "?", ok: row.string(1) == "t", detail: row.string(2) ?? "")
        }
    }
}

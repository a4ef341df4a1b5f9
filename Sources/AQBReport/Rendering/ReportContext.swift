/// What the Markdown says about the run rather than the data: when it was written and how fresh
/// the data are. Kept apart from `YearReport` so the CSV files never depend on the clock.
public struct ReportContext: Sendable {
    /// When the report was written, formatted for Europe/Berlin with the zone named.
    public var erstelltAm: String
    /// When the database snapshot was taken, formatted the same way.
    public var snapshotAm: String
    /// The newest `buchungstag` in `aqb.ausgabe`, if any.
    public var neuesteBuchung: CalendarDate?
    /// Warnings the reader must see at the top (a stale data feed).
    public var warnings: [String]

    public init(erstelltAm: String, snapshotAm: String, neuesteBuchung: CalendarDate?, warnings: [String] = []) {
        self.erstelltAm = erstelltAm
        self.snapshotAm = snapshotAm
        self.neuesteBuchung = neuesteBuchung
        self.warnings = warnings
    }
}

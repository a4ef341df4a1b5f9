import Logging

/// Reads a year's findings with `sql/report/findings.sql`, in the run's snapshot, and words them.
///
/// Runs inside the same read-only transaction as the report's own queries, so every amount a
/// finding names agrees with the report's figures to the cent.
public struct FindingQuery {
    let connection: PGConnection

    public init(connection: PGConnection) { self.connection = connection }

    /// The findings of AQB year `year` at Stichtag `asOf`, in the files' order (`Finding.ordered`).
    /// `proRataMargin`: percentage points of the budget (`pro_rata_margin`). Rules about
    /// participations look at those counted on `zaehltag` (the Stichtag when not given), as the
    /// published counts do. Reads the year as the report does (`report(year:asOf:…)`), since the
    /// rules on bookings come from the report's own scan.
    public func findings(year: Int, asOf: CalendarDate, zaehltag: CalendarDate? = nil, proRataMargin: Int) throws -> [Finding] {
        try report(
            queries: ReportQueries(connection: connection), year: year, asOf: asOf, zaehltag: zaehltag, proRataMargin: proRataMargin,
            logger: nil
        ).0.findings ?? []
    }

    /// One year's report read by `queries` with its findings, in one pass over the bookings: the
    /// scan of `projects.sql` also feeds the rules on bookings and participations
    /// (`FindingChecks`), `findings.sql` adds the rules that read neither. A year without any
    /// data also gets a warning in the log: the run still writes its (all-zero) report and ends
    /// with 0, since a cron job asking for "this year" on 1 January must not fail before the first
    /// Zielvereinbarung is entered; the finding in the files says the same.
    public func report(
        queries: ReportQueries, year: Int, asOf: CalendarDate, zaehltag: CalendarDate? = nil, proRataMargin: Int, logger: Logger?
    ) throws -> (YearReport, RowCounts) {
        let words = FindingDescription(year: year, asOf: asOf, proRataMargin: proRataMargin)
        // Each row becomes a finding as it is decided, and the findings are sorted in place:
        // with 100,000 findings, the rows, the findings and a sorted copy were held at once.
        var findings: [Finding] = []
        func add(_ row: FindingRow) {
            findings.append(Finding(regel: row.regel, ags: row.ags, projektId: row.projektId, beschreibung: words.text(row)))
        }
        var checks: FindingChecks? = FindingChecks(year: year, asOf: asOf, proRataMargin: proRataMargin)
        checks?.sink = { add($0) }
        var (report, counts) = try queries.yearReport(year: year, asOf: asOf, zaehltag: zaehltag, checks: &checks)
        // `finish` decides the rules on sums; its rows go to the sink as well.
        _ = try checks?.finish()
        checks = nil
        try connection.stream(ReportQuery.findings.sql, [String(year), asOf.description], columns: FindingRow.columns) { row in
            add(try FindingRow(row))
        }
        findings.sort(by: Finding.precedes)
        // Held until the files are written: without the room the appends left (up to half again).
        report.findings = findings.withUnsafeBufferPointer { Array($0) }
        warnIfEmpty(report, logger: logger)
        return (report, counts)
    }

    /// A report read by `ReportQueries` with its findings added. Reads the bookings a second
    /// time; `report(queries:year:asOf:zaehltag:proRataMargin:logger:)` does it in one pass.
    public func adding(
        to read: (report: YearReport, counts: RowCounts), proRataMargin: Int, logger: Logger
    ) throws -> (YearReport, RowCounts) {
        var report = read.report
        report.findings = try findings(year: report.year, asOf: report.asOf, zaehltag: report.zaehltag, proRataMargin: proRataMargin)
        warnIfEmpty(report, logger: logger)
        return (report, read.counts)
    }

    private func warnIfEmpty(_ report: YearReport, logger: Logger?) {
        if report.findings?.contains(where: { $0.regel == .jahrOhneDaten }) == true {
            logger?.warning(
                "AQB year \(report.year) has neither a Zielvereinbarung nor a project: the report is all zeros; check --year and the database (finding JAHR_OHNE_DATEN)."
            )
        }
    }
}

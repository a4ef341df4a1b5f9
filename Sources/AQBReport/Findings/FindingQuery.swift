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
    /// published counts do.
    public func findings(year: Int, asOf: CalendarDate, zaehltag: CalendarDate? = nil, proRataMargin: Int) throws -> [Finding] {
        let words = FindingDescription(year: year, asOf: asOf, proRataMargin: proRataMargin)
        var findings: [Finding] = []
        try connection.stream(
            ReportQuery.findings.sql, [String(year), asOf.description, String(proRataMargin), (zaehltag ?? asOf).description],
            columns: FindingRow.columns
        ) { row in
            let values = try FindingRow(row)
            findings.append(Finding(regel: values.regel, ags: values.ags, projektId: values.projektId, beschreibung: words.text(values)))
        }
        return Finding.ordered(findings)
    }

    /// A report read by `ReportQueries` with its findings added. A year without any data also
    /// gets a warning in the log: the run still writes its (all-zero) report and ends with 0,
    /// since a cron job asking for "this year" on 1 January must not fail before the first
    /// Zielvereinbarung is entered; the finding in the files says the same.
    public func adding(
        to read: (report: YearReport, counts: RowCounts), proRataMargin: Int, logger: Logger
    ) throws -> (YearReport, RowCounts) {
        var report = read.report
        report.findings = try findings(year: report.year, asOf: report.asOf, zaehltag: report.zaehltag, proRataMargin: proRataMargin)
        if report.findings?.contains(where: { $0.regel == .jahrOhneDaten }) == true {
            logger.warning(
                "AQB year \(report.year) has neither a Zielvereinbarung nor a project: the report is all zeros; check --year and the database (finding JAHR_OHNE_DATEN)."
            )
        }
        return (report, read.counts)
    }
}

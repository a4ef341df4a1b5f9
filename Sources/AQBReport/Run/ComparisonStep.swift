import Logging

/// The third stage, after disclosure control: completes a year's report with the comparison
/// with the previous cohort (`VorjahrVergleich`) and the changes since the newest earlier
/// published report of the year (`BerichtsVeraenderungen`).
///
/// The previous cohorts were read in the same snapshot as the reports; here their counts get
/// the pattern they may be published under (`VorjahrVeroeffentlichung`).
struct ComparisonStep {
    let request: ReportRequest
    let logger: Logger

    /// Whether the run compares with the previous year: only when `vorjahr.csv` is written (the CSV
    /// files are among the formats). The previous year's counts are published only beside that
    /// file, because later reports of that cohort read them back from it
    /// (`PublishedVorjahrNeighbours`); a `bericht.md` alone would show counts no later audit sees.
    static func readsPreviousYear(_ request: ReportRequest) -> Bool {
        request.formats.map { $0.contains(CSVRenderer().format) } ?? true
    }

    /// What readers hold of a cohort: the entries of its disclosure ledger as it lies on disk
    /// (this run's new tables are written later, before publishing). A changed ledger stops the
    /// run with 65, as in the disclosure step. `nil` for internal reports, which publish no counts
    /// under disclosure control and compare with what lies there.
    private func recorded(year: Int) throws(ReportError) -> [LedgerEntry]? {
        guard request.disclosureControl else { return nil }
        let base: Directory
        do { base = try Directory.open(request.outputBase, followLink: false, ownedByUs: true) } catch {
            throw ReportError(.cantCreate, "output folder \(request.outputBase) cannot be opened: \(error)")
        }
        return try DisclosureLedger.read(base, year: year).entries
    }

    /// The year's report complete: beside the previous cohort as it may be published, and with
    /// the changes since the newest earlier published report of its year.
    ///
    /// - Parameter sameRun: the count table of year `year.report.year - 1` this run publishes, if
    ///   it writes that year (`VorjahrVeroeffentlichung.publish`).
    func compare(_ year: DisclosedYear, sameRun: LedgerEntry?) throws(ReportError) -> ComparedYear {
        let started = ContinuousClock.now
        let report = year.report
        let found = BerichtsVeraenderungen.find(base: request.outputBase, report: report, recorded: year.recorded)
        for warning in found.warnings { logger.warning("\(warning)") }
        var vergleich: VorjahrVergleich?
        if let vorjahr = year.previous {
            let previousRecorded = try recorded(year: vorjahr.year) ?? []
            let published: VorjahrVeroeffentlichung
            do {
                published = try VorjahrVeroeffentlichung.publish(
                    vorjahr, base: request.outputBase, disclosureControl: request.disclosureControl, sameRun: sameRun,
                    recorded: previousRecorded)
            } catch {
                throw ReportError(
                    .software,
                    "disclosure control for the previous year \(vorjahr.year) at \(vorjahr.asOf) failed: \(error.description(naming: vorjahr.publishedCounts.cellName)); nothing was published. Report it with the log."
                )
            }
            for warning in published.warnings { logger.warning("\(warning)") }
            vergleich = VorjahrVergleich(aktuell: report, vorjahr: published.report, quelle: published.quelle)
            logger.info(
                "AQB year \(report.year): compared with \(vorjahr.year) at \(vorjahr.asOf)\(found.veraenderungen.map { " and with the report of \($0.frueherStichtag)" } ?? "") in \(started.duration(to: .now))"
            )
        }
        return ComparedYear(
            report: report.comparing(vorjahr: vergleich, veraenderungen: found.veraenderungen), rows: year.rows, newEntry: year.newEntry,
            manifest: year.manifest)
    }
}

import Foundation
import Logging

/// Disclosure control of one year's report against the disclosure ledger of its cohort.
///
/// The ledger, not the folders under the output base, says what readers hold: every table that
/// left the tool, whether or not its folder still exists, and nothing anyone planted there. A
/// night whose counting day is recorded with the same published counts publishes that pattern
/// again without a solver; otherwise the pattern is audited against every entry of the cohort
/// and joins the ledger.
struct DisclosureStep {
    let logger: Logger
    let base: Directory

    /// What the step decided for one report.
    struct Outcome {
        var report: YearReport
        /// The entry to record (`nil`: the table is recorded already).
        var newEntry: LedgerEntry?
        /// Whether the pattern of a recorded table was published again.
        var reused: Bool
    }

    func apply(to report: YearReport, ledger: DisclosureLedger, outputBase: String) throws(ReportError) -> Outcome {
        let shape = report.publishedCounts
        if let entry = ledger.reusable(zaehltag: report.zaehltag, truth: report.countTable, shape: shape) {
            logger.info(
                "AQB year \(report.year): counts of the counting day \(report.zaehltag) unchanged since the report of \(entry.stichtag); its suppression pattern is published again (no solver)"
            )
            return Outcome(report: report.applyingRecordedPattern(entry.counts), newEntry: nil, reused: true)
        }
        let neighbours = DisclosureLedger.neighbours(ledger.entries, of: report.zaehltag, shape: shape)
        if ledger.entries.isEmpty { warnAboutUnrecordedFolders(year: report.year, stichtag: report.asOf) }
        // The previous-year comparisons of the next year's reports are reports of this cohort too.
        let vorjahr = PublishedVorjahrNeighbours.find(base: outputBase, year: report.year, asOf: report.zaehltag, own: shape)
        for warning in vorjahr.warnings { logger.warning("\(warning)") }
        // The same counts, but readers have learned something about them since (a project began
        // to spend, so it counted someone): the recorded pattern is published again if it still
        // passes the audit with that knowledge, so the count cells stay as they were.
        if let entry = ledger.reusable(zaehltag: report.zaehltag, truth: report.countTable, shape: shape, ignoringBounds: true) {
            let flat = entry.counts.flatValues.map { $0 == nil }
            let passes: Bool
            do {
                passes = try DisclosureControl.passes(report.countTable, pattern: flat, neighbours: neighbours + vorjahr.neighbours)
            } catch {
                throw ReportError(
                    .software, "the audit for AQB year \(report.year) failed: \(error); nothing was published. Report it with the log.")
            }
            if passes {
                logger.info(
                    "AQB year \(report.year): counts of the counting day \(report.zaehltag) unchanged since the report of \(entry.stichtag); its suppression pattern passes the audit with what readers learned since and is published again"
                )
                let published = report.applyingRecordedPattern(entry.counts)
                let counts = published.publishedCounts
                let newEntry =
                    ledger.contains(zaehltag: report.zaehltag, counts: counts)
                    ? nil : LedgerEntry(year: report.year, zaehltag: report.zaehltag, stichtag: report.asOf, counts: counts)
                return Outcome(report: published, newEntry: newEntry, reused: true)
            }
        }
        let published: YearReport
        do { published = try report.applyingDisclosureControl(neighbours: neighbours + vorjahr.neighbours) } catch {
            throw ReportError(
                .software,
                "disclosure control for AQB year \(report.year) failed: \(error.description(naming: shape.cellName)); nothing was published. Report it with the log."
            )
        }
        let counts = published.publishedCounts
        let entry =
            ledger.contains(zaehltag: report.zaehltag, counts: counts)
            ? nil : LedgerEntry(year: report.year, zaehltag: report.zaehltag, stichtag: report.asOf, counts: counts)
        return Outcome(report: published, newEntry: entry, reused: false)
    }

    /// Folders of earlier reports that no ledger knows (written before the ledger existed, or
    /// planted): never read as knowledge, said once.
    private func warnAboutUnrecordedFolders(year: Int, stichtag: CalendarDate) {
        guard let yearDirectory = try? base.subdirectory(String(year), create: false, ownedByUs: false) else { return }
        let folders = yearDirectory.entries().filter { name in
            name != stichtag.description && yearDirectory.kind(name) == .directory && CalendarDate(iso: String(name.prefix(10))) != nil
                && !name.hasSuffix("-intern")
        }
        guard !folders.isEmpty else { return }
        logger.warning(
            "AQB year \(year): \(folders.count) report folders under the output base are not in the disclosure ledger (written before it existed, or not by aqb-report); the audit does not read them. Check with `aqb-report audit` that they and the new report pass together."
        )
    }
}

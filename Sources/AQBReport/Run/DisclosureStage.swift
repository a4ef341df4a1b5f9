import Foundation
import Logging

/// The second stage: disclosure control of one year's report against its cohort's ledger
/// (`DisclosureStep`), timed and logged, with the ledger entry it adds.
///
/// Takes a `ReadYear`, so the findings are in the report when its pattern is chosen. An internal
/// report (`--no-disclosure-control`) passes through unchanged.
struct DisclosureStage {
    let request: ReportRequest
    let logger: Logger
    /// The output base, opened by the publisher: where the ledgers lie.
    let base: Directory
    let now: @Sendable () -> Date

    func disclose(_ read: ReadYear) throws(ReportError) -> DisclosedYear {
        let report = read.report
        guard request.disclosureControl else {
            return DisclosedYear(report: report, rows: read.rows, previous: read.previous, newEntry: nil, manifest: nil, recorded: nil)
        }
        let started = now()
        let ledger = try DisclosureLedger.read(base, year: report.year)
        let outcome = try DisclosureStep(logger: logger, base: base).apply(to: report, ledger: ledger, outputBase: request.outputBase)
        let pattern = outcome.report.disclosure
        for warning in pattern?.neighbourWarnings ?? [] { logger.warning("\(warning)") }
        let durationMs = Int(now().timeIntervalSince(started) * 1000)
        logger.info(
            "disclosure control for AQB year \(report.year) (counting day \(report.zaehltag)): \(pattern?.primaryCells ?? 0) primary and \(pattern?.secondaryCells ?? 0) secondary cells, audit passed (\(durationMs) ms, \(outcome.reused ? "recorded pattern reused" : "\(pattern?.considered.count ?? 0) published tables of the cohort considered"))"
        )
        return DisclosedYear(
            report: outcome.report, rows: read.rows, previous: read.previous, newEntry: outcome.newEntry,
            manifest: pattern.map {
                Manifest.Disclosure(
                    threshold: DisclosureControl.defaultThreshold, starsMayBeZero: true, primaryCells: $0.primaryCells,
                    secondaryCells: $0.secondaryCells, primaryParticipants: $0.primaryParticipants,
                    secondaryParticipants: $0.secondaryParticipants, neighbours: $0.considered.map(\.description),
                    durationMs: durationMs)
            }, recorded: ledger.entries)
    }
}

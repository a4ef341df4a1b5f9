import Foundation
import Logging

/// The last stage: each year's folder is opened for the render stage to write into (`open`) and
/// finished with its manifest (`stage`) as soon as it is rendered, and all of them are published
/// together once every year is staged, so readers never see some years of a run without the
/// others, and a failed run changes no folder.
struct PublishStage {
    let publisher: ReportPublisher
    let request: ReportRequest
    let snapshot: Snapshot
    let warnings: [String]
    /// When the run began, for the manifest's duration.
    let started: Date
    let logger: Logger
    let now: @Sendable () -> Date

    /// The year's folder under its temporary name, for the render stage (`ReportPublisher.open`).
    func open(_ year: ComparedYear) throws(ReportError) -> ReportPublisher.Staging {
        try publisher.open(
            year: year.report.year, folder: ReportFolder.name(asOf: request.asOf, disclosureControl: request.disclosureControl),
            updatesLatest: request.disclosureControl)
    }

    /// Finishes the year's staging folder with its manifest (`ReportPublisher.close`); on failure,
    /// the folder is removed.
    func stage(_ year: RenderedYear) throws(ReportError) -> StagedYear {
        let folder: ReportPublisher.StagedFolder
        do { folder = try publisher.close(year.staging) { entries in try manifest(year, entries: entries) } } catch {
            publisher.discard([year.staging.folder])
            throw error
        }
        return StagedYear(
            folder: folder, areas: year.areas, files: year.staging.entries.count + 1, rows: year.rows, newEntry: year.newEntry,
            digest: year.digest)
    }

    /// Removes a staging folder the render stage did not finish.
    func discard(_ staging: ReportPublisher.Staging) { publisher.discard([staging.folder]) }

    /// Records the new tables in the ledgers, then makes every staged folder visible at once,
    /// points `latest` at the new folders and prunes old ones (`--keep`). On failure before the
    /// folders appear, the staged folders are removed.
    func publish(_ staged: [StagedYear]) throws(ReportError) {
        // Recorded before the folders appear: a crash in between leaves an entry for a table
        // nobody received, which only makes later audits stricter. Each ledger is read again
        // here, under the run lock, as the disclosure stage read it.
        do throws(ReportError) {
            for entry in staged.compactMap(\.newEntry) {
                var ledger = try DisclosureLedger.read(publisher.directory, year: entry.year)
                ledger.append(entry)
                try ledger.write(publisher.directory)
            }
        } catch {
            discard(staged)
            throw error
        }
        try publisher.publish(staged.map(\.folder))
        for year in staged {
            logger.info("wrote \(year.folder.finalPath)")
            if request.disclosureControl { try publisher.updateLatest(year: year.year) }
            if let keep = request.keep {
                let pruning = publisher.prune(year: year.year, keep: keep)
                for removed in pruning.removed { logger.info("removed old report \(removed)") }
                for kept in pruning.kept {
                    logger.warning(
                        "old report \(kept) could not be removed (--keep): something in it belongs to another user; remove it as that user or root."
                    )
                }
            }
        }
    }

    /// Removes the staged folders of a run that will not publish them.
    func discard(_ staged: [StagedYear]) { publisher.discard(staged.map(\.folder)) }

    private func manifest(_ year: RenderedYear, entries: [Manifest.File]) throws -> [UInt8] {
        let written = now()
        return try Manifest(
            version: ReportRunner.version,
            parameters: .init(
                year: year.year, asOf: request.asOf.description, yearsInRun: request.years,
                csvFormat: request.csvFormat.rawValue, disclosureControl: request.disclosureControl,
                zaehltag: year.zaehltag.description),
            database: .init(
                serverVersion: snapshot.serverVersion, snapshotAt: BerlinTime.iso(snapshot.takenAt),
                newestBuchungstag: snapshot.newestBooking?.description),
            rowsRead: year.rows, disclosure: year.manifest, files: entries, createdAt: BerlinTime.iso(written),
            durationMs: Int(written.timeIntervalSince(started) * 1000), warnings: warnings
        ).encoded()
    }
}

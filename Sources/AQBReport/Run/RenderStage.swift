import Foundation
import Logging

/// The fourth stage: one year's complete report into the files of its folder, by the renderers
/// the `formats` setting selects (`ReportRenderers`).
struct RenderStage {
    let request: ReportRequest
    let snapshot: Snapshot
    /// The run's warnings (a stale feed), shown at the top of every report.
    let warnings: [String]
    let logger: Logger
    let now: @Sendable () -> Date
    /// When set, the snapshot time the reports show (golden tests).
    let fixedSnapshotTime: Date?

    func render(_ year: ComparedYear) throws(ReportError) -> RenderedYear {
        let report = year.report
        let context = ReportContext(
            erstelltAm: BerlinTime.german(now()), snapshotAm: BerlinTime.german(fixedSnapshotTime ?? snapshot.takenAt),
            neuesteBuchung: snapshot.newestBooking, warnings: warnings)
        var files: [(name: String, bytes: [UInt8])] = []
        let input = RenderInput(report: report, context: context, csvFormat: request.csvFormat)
        for renderer in ReportRenderers.selected(request.formats) {
            // Timed at debug level: the formats are the part of a run besides the database that
            // grows with what is written, and an operator can see which one costs what.
            let started = ContinuousClock.now
            let rendered = try renderer.files(for: input)
            files += rendered
            logger.debug("rendered \(rendered.map(\.name).joined(separator: ", ")) in \(started.duration(to: .now))")
        }
        return RenderedYear(
            year: report.year, zaehltag: report.zaehltag, areas: report.areas.count, files: files, rows: year.rows,
            newEntry: year.newEntry, manifest: year.manifest, digest: MailDigest(report))
    }
}

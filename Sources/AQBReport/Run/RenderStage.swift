import Foundation
import Logging

/// The fourth stage: one year's complete report into the files of its folder, by the renderers
/// the `formats` setting selects (`ReportRenderers`, `RenderPass`), each file written into the
/// year's staging folder while it is rendered (`FileWriter`), on two threads (`RenderLanes`).
///
/// Why not all files first and then the folder: a year's folder at benchmark scale is 13 MB
/// (the county sheets, the workbook, the findings), with 100,000 findings 128 MB; held, even
/// one format at a time, the files set the run's peak (issue 19).
struct RenderStage {
    let request: ReportRequest
    let snapshot: Snapshot
    /// The run's warnings (a stale feed), shown at the top of every report.
    let warnings: [String]
    let logger: Logger
    let now: @Sendable () -> Date
    /// When set, the snapshot time the reports show (golden tests).
    let fixedSnapshotTime: Date?

    /// - Parameters:
    ///   - staging: the year's staging folder (`PublishStage.open`); the caller discards it when
    ///     this throws.
    ///   - secondThread: whether the formats may use a second thread (`RenderLanes`).
    func render(_ year: ComparedYear, into staging: ReportPublisher.Staging, secondThread: Bool) throws(ReportError) -> RenderedYear {
        let report = year.report
        let context = ReportContext(
            erstelltAm: BerlinTime.german(now()), snapshotAm: BerlinTime.german(fixedSnapshotTime ?? snapshot.takenAt),
            neuesteBuchung: snapshot.newestBooking, warnings: warnings)
        let input = RenderInput(report: report, context: context, csvFormat: request.csvFormat)
        let staging = try RenderLanes(formats: request.formats, secondThread: secondThread).render(input, into: staging, logger: logger)
        return RenderedYear(
            year: report.year, zaehltag: report.zaehltag, areas: report.areas.count, staging: staging, rows: year.rows,
            newEntry: year.newEntry, manifest: year.manifest, digest: MailDigest(report))
    }
}

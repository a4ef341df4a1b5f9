import Foundation
import Logging

/// The fourth stage: one year's complete report into the files of its folder, by the renderers
/// the `formats` setting selects (`ReportRenderers`), written into the year's staging folder
/// format by format.
///
/// Why not all files first and then the folder: a year's folder at benchmark scale is 13 MB
/// (the county sheets, the workbook, the findings), and the workbook's writer needs most memory
/// of all formats; held together, they set the run's peak.
struct RenderStage {
    let request: ReportRequest
    let snapshot: Snapshot
    /// The run's warnings (a stale feed), shown at the top of every report.
    let warnings: [String]
    let logger: Logger
    let now: @Sendable () -> Date
    /// When set, the snapshot time the reports show (golden tests).
    let fixedSnapshotTime: Date?

    /// - Parameter staging: the year's staging folder (`PublishStage.open`); the caller discards
    ///   it when this throws.
    func render(_ year: ComparedYear, into staging: ReportPublisher.Staging) throws(ReportError) -> RenderedYear {
        var staging = staging
        let report = year.report
        let context = ReportContext(
            erstelltAm: BerlinTime.german(now()), snapshotAm: BerlinTime.german(fixedSnapshotTime ?? snapshot.takenAt),
            neuesteBuchung: snapshot.newestBooking, warnings: warnings)
        let input = RenderInput(report: report, context: context, csvFormat: request.csvFormat)
        for renderer in ReportRenderers.selected(request.formats) {
            // Timed at debug level: the formats are the part of a run besides the database that
            // grows with what is written, and an operator can see which one costs what.
            let started = ContinuousClock.now
            let files = try renderer.files(for: input)
            logger.debug("rendered \(files.map(\.name).joined(separator: ", ")) in \(started.duration(to: .now))")
            try staging.write(files)
        }
        return RenderedYear(
            year: report.year, zaehltag: report.zaehltag, areas: report.areas.count, staging: staging, rows: year.rows,
            newEntry: year.newEntry, manifest: year.manifest, digest: MailDigest(report))
    }
}

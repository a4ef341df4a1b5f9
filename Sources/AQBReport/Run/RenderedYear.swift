/// One year's files written into its staging folder, the manifest still to come, and the little
/// the rest of the run still needs of the report.
///
/// The value the render stage hands on (`RenderStage`). It holds neither the report nor the
/// files' bytes: each file was written while it was rendered (`FileWriter`), the publish stage adds the
/// manifest (`PublishStage.stage`), and the morning mail reads the digest.
struct RenderedYear {
    let year: Int
    /// The counting day, for the manifest.
    let zaehltag: CalendarDate
    /// The number of areas, for the run's summary line.
    let areas: Int
    /// The staging folder with every file of the year in it (`ReportPublisher.open`).
    let staging: ReportPublisher.Staging
    let rows: RowCounts
    let newEntry: LedgerEntry?
    let manifest: Manifest.Disclosure?
    let digest: MailDigest
}

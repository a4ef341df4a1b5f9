/// One year's folder as bytes, before it is staged: the files in the order they are written,
/// and the little the rest of the run still needs of the report.
///
/// The value the render stage hands on (`RenderStage`). It no longer holds the report: the
/// publish stage writes the files and the manifest, and the morning mail reads the digest.
struct RenderedYear {
    let year: Int
    /// The counting day, for the manifest.
    let zaehltag: CalendarDate
    /// The number of areas, for the run's summary line.
    let areas: Int
    let files: [(name: String, bytes: [UInt8])]
    let rows: RowCounts
    let newEntry: LedgerEntry?
    let manifest: Manifest.Disclosure?
    let digest: MailDigest
}

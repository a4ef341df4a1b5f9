/// One year's folder written under its temporary name, waiting for the run's other years: all
/// folders of a run appear together (`PublishStage.publish`).
///
/// The value the publish stage's first half hands on (`PublishStage.stage`). It holds no file
/// and no report, so a run of many years keeps a few hundred bytes per staged year.
struct StagedYear {
    let folder: ReportPublisher.StagedFolder
    let areas: Int
    /// The files written, the manifest included.
    let files: Int
    let rows: RowCounts
    /// Recorded before the folders appear (`PublishStage.publish`).
    let newEntry: LedgerEntry?
    let digest: MailDigest

    var year: Int { folder.year }
}

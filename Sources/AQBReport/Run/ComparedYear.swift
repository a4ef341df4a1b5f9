/// One year's report complete: findings, suppression pattern, the previous year beside it and
/// the changes since the newest earlier report. What the renderers read.
///
/// The value the comparison stage hands on (`ComparisonStep`); the previous cohort's full
/// report is no longer needed and is not carried further.
struct ComparedYear {
    let report: YearReport
    let rows: RowCounts
    /// As decided by disclosure control (`DisclosedYear.newEntry`).
    let newEntry: LedgerEntry?
    let manifest: Manifest.Disclosure?
}

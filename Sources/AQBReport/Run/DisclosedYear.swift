/// One year after disclosure control: the report under the suppression pattern that passed the
/// audit, and what has to be recorded before it may appear.
///
/// The value the disclosure stage hands on (`DisclosureStage`); the comparison takes it further
/// (`ComparisonStep`), because the previous year's counts are shown beside counts whose pattern
/// is already chosen.
struct DisclosedYear {
    /// The report as it may be published: `report.disclosure` is its pattern (`nil` for an
    /// internal report without disclosure control).
    let report: YearReport
    let rows: RowCounts
    /// As read (`ReadYear.previous`); the comparison chooses the pattern it is shown under.
    let previous: YearReport?
    /// The table to add to the cohort's ledger before the folders appear; `nil` when it is
    /// recorded already. Only the entry is carried, not the ledger: a cohort's ledger grows by a
    /// table per counting day, and the run must not hold every year's until it publishes.
    let newEntry: LedgerEntry?
    /// What `manifest.json` says about the pattern; `nil` without disclosure control.
    let manifest: Manifest.Disclosure?
    /// The cohort's ledger as the disclosure step read it (`nil` without disclosure control),
    /// for the comparison, which would otherwise decode the same file again: at 5,200 projects
    /// and twelve counting days that is 3.6 MB of JSON and a tenth of a second
    /// (BENCHMARKS.md). Not carried beyond the comparison.
    let recorded: [LedgerEntry]?

    /// The count table this report publishes, as the next year's comparison audits against it
    /// (`VorjahrVeroeffentlichung.publish`, `sameRun`).
    var table: LedgerEntry {
        LedgerEntry(year: report.year, zaehltag: report.zaehltag, stichtag: report.asOf, counts: report.publishedCounts)
    }
}

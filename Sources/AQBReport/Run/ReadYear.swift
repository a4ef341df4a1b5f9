/// One AQB year as read from the run's snapshot: the report with its findings, the rows it took
/// into account, and the previous cohort at the same day one year earlier.
///
/// The value the read stage hands on (`ReadStage`). Only disclosure control takes it further
/// (`DisclosureStage`), so a pattern is never chosen for a report whose findings are missing:
/// the findings bound what a reader knows about a project's count.
struct ReadYear: Sendable {
    let report: YearReport
    let rows: RowCounts
    /// The cohort `report.year - 1` at `asOf.sameDayOneYearEarlier`, before disclosure control;
    /// `nil` when the run does not compare with the previous year
    /// (`ComparisonStep.readsPreviousYear`).
    let previous: YearReport?
}

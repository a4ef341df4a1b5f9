/// The key figures of one area in one report, exactly as that report publishes them.
///
/// Counts of people are taken through `YearReport.count(area:cell:)`, so a suppressed count is
/// `nil` here and can never reach a comparison as a number.
public struct Kennzahlen: Sendable, Equatable {
    public var budgetVereinbart: Cents?
    public var budgetAenderungen: Cents?
    public var budget: Cents?
    public var bewilligt: Cents
    public var ausgegeben: Cents
    public var rest: Cents?
    /// Mittelabfluss in tenths of a percent, rounded as the report shows it.
    public var abflussPromille: Int?
    public var projekte: Int
    /// Participations, as published (`nil` = `*`). The only count of people of the comparison:
    /// for the previous year, it is what `vorjahr.csv` publishes and what later reports of that
    /// cohort read back as a neighbour (`PublishedVorjahrNeighbours`); a breakdown shown beside it
    /// would be a count no later audit sees.
    public var teilnehmende: Int?

    /// Area `area` of `report`, as published.
    public init(report: YearReport, area: Int) {
        let figures = report.figures[area]
        budgetVereinbart = figures.budgetVereinbart
        budgetAenderungen = figures.budgetAenderungen
        budget = figures.budget
        bewilligt = figures.bewilligt
        ausgegeben = figures.ausgegeben
        rest = figures.rest
        abflussPromille = figures.abflussPromille
        projekte = figures.projekte
        teilnehmende = report.count(area: area, cell: report.layout.total)
    }
}

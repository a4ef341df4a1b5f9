/// The complete content of one year's report: every area's figures plus, when disclosure control
/// is on, which participant cells are published as `*`. The renderers read only this.
///
/// Why it is not in `Model/`: it is what the stages made of the model (its findings, its
/// suppression pattern, the previous year and the changes beside it), so it depends on
/// `Findings/`, `Disclosure/` and `Comparison/`, while the model (areas, figures, projects) depends
/// on nothing and those folders build on it.
///
/// Why nothing here can be set from outside the library, and the stage results only by the
/// stages: the run builds a report in a fixed order (read with its findings, then disclosure
/// control, then the comparison; `ReportRunner`), and each stage hands the next an immutable
/// value of its own type (`ReadYear`, `DisclosedYear`, `ComparedYear`). A report that has a
/// pattern therefore had its findings when the pattern was chosen, because the findings bound
/// what a reader knows about a project's count (`countTable`).
public struct YearReport: Sendable {
    public let year: Int
    /// The Stichtag: money (approved, spent, budgets) is reported as of this day.
    public let asOf: CalendarDate
    /// The counting day (Zähltag): every count of people is as of this day (`ZaehltagRule`).
    public internal(set) var zaehltag: CalendarDate
    public let massnahmenarten: [Massnahmenart]
    public let rechtskreise: [Rechtskreis]
    /// The Förderschwerpunkte of `aqb.foerderschwerpunkt`, in `sortierung` order.
    public internal(set) var foerderschwerpunkte: [Foerderschwerpunkt] = []
    /// Every project of the cohort, by Kreis key and id.
    public internal(set) var projects: [ProjectLine] = []
    /// The budget changes effective up to the Stichtag, by Kreis key, date and id.
    public internal(set) var budgetAenderungen: [BudgetAenderung] = []
    /// All areas, sorted by key as text.
    public let areas: [Area]
    /// `figures[i]` belongs to `areas[i]`.
    public let figures: [Figures]
    /// The newest booking counted: of the cohort's projects, dated on or before the Stichtag.
    /// The header says it, because the newest booking of the whole database may lie after the
    /// Stichtag or belong to another cohort.
    public internal(set) var newestCountedBooking: CalendarDate?
    /// The findings (Auffälligkeiten) of the year, read in the same snapshot (`FindingQuery`);
    /// `nil` when they were not read.
    public internal(set) var findings: [Finding]?
    /// The previous cohort at the same day one year earlier, as published; set by the comparison
    /// stage (`comparing(vorjahr:veraenderungen:)`).
    public private(set) var vorjahr: VorjahrVergleich?
    /// What moved since the newest earlier published report of this year; set by the comparison
    /// stage.
    public private(set) var veraenderungen: BerichtsVeraenderungen?
    /// The suppression pattern, with its loss figures; `nil` when disclosure control is off.
    public private(set) var disclosure: SuppressionPattern?
    /// `suppressed[i][cell]` for the cells of `CellLayout`; `nil` when disclosure control is off.
    public var suppressed: [[Bool]]? { disclosure?.suppressed }

    public init(
        year: Int, asOf: CalendarDate, massnahmenarten: [Massnahmenart], rechtskreise: [Rechtskreis],
        areas: [Area], figures: [Figures], disclosure: SuppressionPattern? = nil, zaehltag: CalendarDate? = nil
    ) {
        self.year = year
        self.asOf = asOf
        self.zaehltag = zaehltag ?? asOf
        self.massnahmenarten = massnahmenarten
        self.rechtskreise = rechtskreise
        self.areas = areas
        self.figures = figures
        self.disclosure = disclosure
    }

    /// This report with its counts shown under `pattern` (`nil`: every count shown).
    ///
    /// The one way to a report with another pattern: a copy of the whole value, so no property
    /// is forgotten (a hand-written copy of the properties it knew once dropped the findings and
    /// the projects of the previous year's report).
    func showing(_ pattern: SuppressionPattern?) -> YearReport {
        var report = self
        report.disclosure = pattern
        return report
    }

    /// This report beside the previous cohort and the newest earlier report of its year: what
    /// the comparison stage adds, last, to a report whose pattern is chosen.
    func comparing(vorjahr: VorjahrVergleich?, veraenderungen: BerichtsVeraenderungen?) -> YearReport {
        var report = self
        report.vorjahr = vorjahr
        report.veraenderungen = veraenderungen
        return report
    }
}

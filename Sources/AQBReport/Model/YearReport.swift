/// The complete content of one year's report: every area's figures plus, when disclosure control
/// is on, which participant cells are published as `*`. The renderers read only this.
public struct YearReport: Sendable {
    public let year: Int
    /// The Stichtag: money (approved, spent, budgets) is reported as of this day.
    public let asOf: CalendarDate
    /// The counting day (Zähltag): every count of people is as of this day (`ZaehltagRule`).
    public var zaehltag: CalendarDate
    public let massnahmenarten: [Massnahmenart]
    public let rechtskreise: [Rechtskreis]
    /// The Förderschwerpunkte of `aqb.foerderschwerpunkt`, in `sortierung` order.
    public var foerderschwerpunkte: [Foerderschwerpunkt] = []
    /// Every project of the cohort, by Kreis key and id.
    public var projects: [ProjectLine] = []
    /// The budget changes effective up to the Stichtag, by Kreis key, date and id.
    public var budgetAenderungen: [BudgetAenderung] = []
    /// All areas, sorted by key as text.
    public let areas: [Area]
    /// `figures[i]` belongs to `areas[i]`.
    public let figures: [Figures]
    /// The newest booking counted: of the cohort's projects, dated on or before the Stichtag.
    /// The header says it, because the newest booking of the whole database may lie after the
    /// Stichtag or belong to another cohort.
    public var newestCountedBooking: CalendarDate?
    /// The findings (Auffälligkeiten) of the year, read in the same snapshot (`FindingQuery`);
    /// `nil` when they were not read.
    public var findings: [Finding]?
    /// The previous cohort at the same day one year earlier, as published; set by the runner.
    public var vorjahr: VorjahrVergleich?
    /// What moved since the newest earlier published report of this year; set by the runner.
    public var veraenderungen: BerichtsVeraenderungen?
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

    public var layout: CellLayout {
        CellLayout(
            massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count,
            foerderschwerpunktCount: foerderschwerpunkte.count + 1, inclusion: true)
    }

    public var disclosureControl: Bool { disclosure != nil }

    /// The participant counts as a table for disclosure control, areas in this report's order.
    public var countTable: CountTable {
        let position = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.key, $0) })
        let layout = self.layout
        return CountTable(
            parents: areas.map { $0.parentKey.flatMap { position[$0] } },
            cells: figures.map(\.countCells),
            massnahmenartCount: massnahmenarten.count,
            rechtskreisCount: rechtskreise.count,
            foerderschwerpunktCount: layout.foerderschwerpunktCount,
            inclusion: layout.inclusion,
            projects: ProjectCells(places: projectPlaces, values: projects.map(\.teilnehmende)))
    }

    /// Where each project sits in the count table: its Kreis, Maßnahmenart, Förderschwerpunkt.
    private var projectPlaces: [ProjectCells.Place] {
        let position = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.key, $0) })
        // What the findings published beside the counts tell about a project's count.
        var bounds: [Int: ParticipantBound] = [:]
        if findings != nil {
            // The rule AUSGABEN_OHNE_TEILNEHMENDE lists every project that spent but counted
            // nobody, so a spending project it does not list counted at least one person.
            for project in projects where project.ausgegeben != .zero { bounds[project.id] = .atLeastOne }
        }
        for finding in findings ?? [] {
            if let id = finding.projektId, let bound = finding.regel.impliesParticipants { bounds[id] = bound }
        }
        return projects.map { project in
            // `?? 0` counted such a project in the Land's row. `ReportBuilder` refuses a project
            // of an unknown Kreis (65), so one here is a bug, stopped like CountTable's checks.
            guard let area = position[project.ags] else {
                preconditionFailure("YearReport: projekt \(project.id) of ags \(project.ags) is in none of the report's areas")
            }
            return ProjectCells.Place(
                id: String(project.id), area: area, massnahmenart: project.massnahmenart,
                foerderschwerpunkt: project.foerderschwerpunkt, bound: bounds[project.id])
        }
    }

    /// This report with disclosure control applied: the suppression pattern that passes the
    /// audit, given the neighbouring published reports of the cohort.
    public func applyingDisclosureControl(
        threshold: Int = DisclosureControl.defaultThreshold, neighbours: [NeighbourReport] = []
    ) throws(DisclosureError) -> YearReport {
        var report = self
        report.disclosure = try DisclosureControl.suppress(countTable, threshold: threshold, neighbours: neighbours)
        return report
    }

    /// This report with the pattern of a table already published (`DisclosureLedger.reusable`):
    /// the same stars, so the count cells come out byte-identical and no solver runs.
    public func applyingRecordedPattern(_ recorded: PublishedCounts, threshold: Int = DisclosureControl.defaultThreshold) -> YearReport {
        var report = self
        report.disclosure = SuppressionPattern(flat: recorded.flatValues.map { $0 == nil }, of: countTable, threshold: threshold)
        return report
    }

    /// The counts as a reader of this report has them, for linking a later report to it.
    public var publishedCounts: PublishedCounts {
        PublishedCounts(
            keys: areas.map(\.key), parents: countTable.parents,
            // The codes as the files spell them (`SpreadsheetText`), so cells match files read back.
            massnahmenarten: massnahmenarten.map { SpreadsheetText.neutralized($0.code) },
            rechtskreise: rechtskreise.map { SpreadsheetText.neutralized($0.code) },
            foerderschwerpunkte: foerderschwerpunkte.map { SpreadsheetText.neutralized($0.code) },
            inclusion: true,
            values: figures.indices.map { area in (0..<layout.cellCount).map { count(area: area, cell: $0) } },
            projects: projectPlaces, projectValues: projects.indices.map(projectCount),
            starsMayBeZero: true)
    }

    /// A participant count as published: its value, or `nil` where it is suppressed.
    public func count(area: Int, cell: Int) -> Int? {
        if let suppressed, suppressed[area][cell] { return nil }
        return figures[area].countCells[cell]
    }

    /// A project's participant count as published: its value, or `nil` where it is suppressed.
    public func projectCount(_ index: Int) -> Int? {
        if let pattern = disclosure, pattern.projectSuppressed.indices.contains(index), pattern.projectSuppressed[index] { return nil }
        return projects[index].teilnehmende
    }
}

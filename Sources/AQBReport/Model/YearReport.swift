/// The complete content of one year's report: every area's figures plus, when disclosure control
/// is on, which participant cells are published as `*`. The renderers read only this.
public struct YearReport: Sendable {
    public let year: Int
    public let asOf: CalendarDate
    public let massnahmenarten: [Massnahmenart]
    public let rechtskreise: [Rechtskreis]
    /// All areas, sorted by key as text.
    public let areas: [Area]
    /// `figures[i]` belongs to `areas[i]`.
    public let figures: [Figures]
    /// The newest booking counted: of the cohort's projects, dated on or before the Stichtag.
    /// The header says it, because the newest booking of the whole database may lie after the
    /// Stichtag or belong to another cohort.
    public var newestCountedBooking: CalendarDate?
    /// The previous cohort at the same day one year earlier, as published; set by the runner.
    public var vorjahr: VorjahrVergleich?
    /// What moved since the newest earlier published report of this year; set by the runner.
    public var veraenderungen: BerichtsVeraenderungen?
    /// The suppression pattern, with its loss figures; `nil` when disclosure control is off.
    public let disclosure: SuppressionPattern?
    /// `suppressed[i][cell]` for the cells of `CellLayout`; `nil` when disclosure control is off.
    public var suppressed: [[Bool]]? { disclosure?.suppressed }

    public init(
        year: Int, asOf: CalendarDate, massnahmenarten: [Massnahmenart], rechtskreise: [Rechtskreis],
        areas: [Area], figures: [Figures], disclosure: SuppressionPattern? = nil
    ) {
        self.year = year
        self.asOf = asOf
        self.massnahmenarten = massnahmenarten
        self.rechtskreise = rechtskreise
        self.areas = areas
        self.figures = figures
        self.disclosure = disclosure
    }

    public var layout: CellLayout {
        CellLayout(massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count)
    }

    public var disclosureControl: Bool { disclosure != nil }

    /// The participant counts as a table for disclosure control, areas in this report's order.
    public var countTable: CountTable {
        let position = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.key, $0) })
        return CountTable(
            parents: areas.map { $0.parentKey.flatMap { position[$0] } },
            cells: figures.map(\.countCells),
            massnahmenartCount: massnahmenarten.count,
            rechtskreisCount: rechtskreise.count)
    }

    /// This report with disclosure control applied: the suppression pattern that passes the
    /// audit, given the neighbouring published reports of the cohort.
    public func applyingDisclosureControl(
        threshold: Int = DisclosureControl.defaultThreshold, neighbours: [NeighbourReport] = []
    ) throws(DisclosureError) -> YearReport {
        let pattern = try DisclosureControl.suppress(countTable, threshold: threshold, neighbours: neighbours)
        var report = YearReport(
            year: year, asOf: asOf, massnahmenarten: massnahmenarten, rechtskreise: rechtskreise, areas: areas,
            figures: figures, disclosure: pattern)
        report.newestCountedBooking = newestCountedBooking
        return report
    }

    /// The counts as a reader of this report has them, for linking a later report to it.
    public var publishedCounts: PublishedCounts {
        PublishedCounts(
            keys: areas.map(\.key), parents: countTable.parents,
            // The codes as the files spell them (`SpreadsheetText`), so cells match files read back.
            massnahmenarten: massnahmenarten.map { SpreadsheetText.neutralized($0.code) },
            rechtskreise: rechtskreise.map { SpreadsheetText.neutralized($0.code) },
            values: figures.indices.map { area in (0..<layout.cellCount).map { count(area: area, cell: $0) } },
            starsMayBeZero: true)
    }

    /// A participant count as published: its value, or `nil` where it is suppressed.
    public func count(area: Int, cell: Int) -> Int? {
        if let suppressed, suppressed[area][cell] { return nil }
        return figures[area].countCells[cell]
    }
}

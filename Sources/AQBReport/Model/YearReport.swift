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
    /// `suppressed[i][cell]` for the cells of `CellLayout`; `nil` when disclosure control is off.
    public let suppressed: [[Bool]]?

    public init(
        year: Int, asOf: CalendarDate, massnahmenarten: [Massnahmenart], rechtskreise: [Rechtskreis],
        areas: [Area], figures: [Figures], suppressed: [[Bool]]?
    ) {
        self.year = year
        self.asOf = asOf
        self.massnahmenarten = massnahmenarten
        self.rechtskreise = rechtskreise
        self.areas = areas
        self.figures = figures
        self.suppressed = suppressed
    }

    public var layout: CellLayout {
        CellLayout(massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count)
    }

    public var disclosureControl: Bool { suppressed != nil }

    /// A participant count as published: its value, or `nil` where it is suppressed.
    public func count(area: Int, cell: Int) -> Int? {
        if let suppressed, suppressed[area][cell] { return nil }
        return figures[area].countCells[cell]
    }
}

/// Where each participant count sits in an area's cell order (the order disclosure control
/// goes through): total, Geschlecht, Maßnahmenarten, Rechtskreise.
public struct CellLayout: Sendable {
    public let massnahmenartCount: Int
    public let rechtskreisCount: Int

    public let total = 0
    public func geschlecht(_ index: Int) -> Int { 1 + index }
    public func massnahmenart(_ index: Int) -> Int { 1 + Geschlecht.allCases.count + index }
    public func rechtskreis(_ index: Int) -> Int { 1 + Geschlecht.allCases.count + massnahmenartCount + index }
    public var cellCount: Int { 1 + Geschlecht.allCases.count + massnahmenartCount + rechtskreisCount }
}

/// Adds up one year's projects into the figures of every Kreis, Regierungsbezirk and the Land.
///
/// PostgreSQL has already summed bookings and counted participations per project; what is left
/// here is per project, never per booking: the Rechtskreis split of each project's spending
/// (which must be whole cents per project before any area sums it) and the roll-up.
public struct ReportBuilder {
    public let year: Int
    public let asOf: CalendarDate
    public let massnahmenarten: [Massnahmenart]
    public let rechtskreise: [Rechtskreis]
    private let kreise: [Gebietskoerperschaft]
    private let kreisIndex: [String: Int]
    private var kreisFigures: [Figures]
    private let massnahmenartIndex: [String: Int]
    private let rechtskreisIndex: [String: Int]

    public init(
        year: Int, asOf: CalendarDate, kreise: [Gebietskoerperschaft], budgets: [Budget],
        massnahmenarten: [Massnahmenart], rechtskreise: [Rechtskreis]
    ) throws(ReportError) {
        self.year = year
        self.asOf = asOf
        self.kreise = kreise
        self.massnahmenarten = massnahmenarten
        self.rechtskreise = rechtskreise
        kreisIndex = Dictionary(kreise.enumerated().map { ($1.ags, $0) }, uniquingKeysWith: { first, _ in first })
        massnahmenartIndex = Dictionary(massnahmenarten.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        rechtskreisIndex = Dictionary(rechtskreise.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let empty = Figures(massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count)
        kreisFigures = Array(repeating: empty, count: kreise.count)
        for budget in budgets {
            guard let index = kreisIndex[budget.ags] else {
                throw ReportError(
                    .dataError,
                    "zielvereinbarung \(budget.ags)/\(year) refers to ags '\(budget.ags)' missing from aqb.gebietskoerperschaft; add the Gebietskörperschaft or fix the Zielvereinbarung."
                )
            }
            kreisFigures[index].budgetVereinbart = budget.vereinbart
            kreisFigures[index].budgetAenderungen = budget.aenderungen
        }
    }

    /// The index of a Maßnahmenart code, `nil` if `aqb.massnahmenart` lacks it.
    public func massnahmenart(code: String) -> Int? { massnahmenartIndex[code] }
    /// The index of a Rechtskreis code, `nil` if `aqb.rechtskreis` lacks it.
    public func rechtskreis(code: String) -> Int? { rechtskreisIndex[code] }

    /// An empty project record sized for this report's categories.
    public func newProject(id: Int, ags: String, massnahmenart: Int, bewilligt: Cents, ausgegeben: Cents) -> Project {
        Project(
            id: id, ags: ags, massnahmenart: massnahmenart, bewilligt: bewilligt, ausgegeben: ausgegeben,
            rechtskreisTeilnehmende: Array(repeating: 0, count: rechtskreise.count),
            geschlecht: Array(repeating: 0, count: Geschlecht.allCases.count))
    }

    /// Books one project into its Kreis.
    public mutating func add(_ project: Project) throws(ReportError) {
        guard let index = kreisIndex[project.ags] else {
            throw ReportError(
                .dataError,
                "projekt \(project.id) refers to ags '\(project.ags)' missing from aqb.gebietskoerperschaft; add the Gebietskörperschaft or fix the project."
            )
        }
        let teilnehmende = project.rechtskreisTeilnehmende.reduce(0, +)
        var figures = kreisFigures[index]
        figures.projekte += 1
        figures.bewilligt += project.bewilligt
        figures.ausgegeben += project.ausgegeben
        figures.teilnehmende += teilnehmende
        for (cell, count) in project.geschlecht.enumerated() { figures.geschlecht[cell] += count }
        figures.massnahmenarten[project.massnahmenart].projekte += 1
        figures.massnahmenarten[project.massnahmenart].bewilligt += project.bewilligt
        figures.massnahmenarten[project.massnahmenart].ausgegeben += project.ausgegeben
        figures.massnahmenarten[project.massnahmenart].teilnehmende += teilnehmende
        for (cell, count) in project.rechtskreisTeilnehmende.enumerated() {
            figures.rechtskreisTeilnehmende[cell] += count
        }
        if let shares = LargestRemainder.split(project.ausgegeben.value, weights: project.rechtskreisTeilnehmende) {
            for (cell, share) in shares.enumerated() { figures.rechtskreisAusgaben[cell] += Cents(share) }
        } else {
            figures.nichtZugeordnet += project.ausgegeben
        }
        kreisFigures[index] = figures
    }

    /// Rolls the Kreise up into Regierungsbezirke and the Land and sorts all areas by key.
    /// Disclosure control comes after (`YearReport.applyingDisclosureControl`), outside the
    /// database snapshot, because it also weighs the reports published before.
    public func build() -> YearReport {
        let empty = Figures(massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count)
        var byKey: [String: (area: Area, figures: Figures)] = [Land.key: (Land.area, empty)]
        for bezirk in Regierungsbezirk.allCases { byKey[bezirk.key] = (bezirk.area, empty) }
        let names = AreaName.distinct(kreise)
        for (index, kreis) in kreise.enumerated() {
            let area = Area(ebene: .kreis, key: kreis.ags, name: names[index], art: kreis.art, parentKey: kreis.regierungsbezirk.key)
            byKey[kreis.ags] = (area, kreisFigures[index])
            byKey[kreis.regierungsbezirk.key]?.figures.add(kreisFigures[index])
        }
        for bezirk in Regierungsbezirk.allCases {
            if let bezirkFigures = byKey[bezirk.key]?.figures { byKey[Land.key]?.figures.add(bezirkFigures) }
        }
        let keys = byKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let areas = keys.compactMap { byKey[$0]?.area }
        let figures = keys.compactMap { byKey[$0]?.figures }
        return YearReport(
            year: year, asOf: asOf, massnahmenarten: massnahmenarten, rechtskreise: rechtskreise,
            areas: areas, figures: figures)
    }
}

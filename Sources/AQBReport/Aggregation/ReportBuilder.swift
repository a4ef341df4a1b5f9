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
    public let foerderschwerpunkte: [Foerderschwerpunkt]
    private let kreise: [Gebietskoerperschaft]
    private let kreisIndex: [String: Int]
    private var kreisFigures: [Figures]
    private let massnahmenartIndex: [String: Int]
    private let rechtskreisIndex: [String: Int]
    private let foerderschwerpunktIndex: [String: Int]
    /// The project lists: one line per project, whatever the number of bookings.
    private var projectLines: [ProjectLine] = []
    private var budgetAenderungen: [BudgetAenderung] = []

    public init(
        year: Int, asOf: CalendarDate, kreise: [Gebietskoerperschaft], budgets: [Budget],
        massnahmenarten: [Massnahmenart], rechtskreise: [Rechtskreis], foerderschwerpunkte: [Foerderschwerpunkt] = []
    ) throws(ReportError) {
        self.year = year
        self.asOf = asOf
        self.kreise = kreise
        self.massnahmenarten = massnahmenarten
        self.rechtskreise = rechtskreise
        self.foerderschwerpunkte = foerderschwerpunkte
        kreisIndex = Dictionary(kreise.enumerated().map { ($1.ags, $0) }, uniquingKeysWith: { first, _ in first })
        massnahmenartIndex = Dictionary(massnahmenarten.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        rechtskreisIndex = Dictionary(rechtskreise.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        foerderschwerpunktIndex = Dictionary(foerderschwerpunkte.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let empty = Figures(
            massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count,
            foerderschwerpunktCount: foerderschwerpunkte.count)
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
    /// The index of a Förderschwerpunkt code, `nil` if `aqb.foerderschwerpunkt` lacks it.
    public func foerderschwerpunkt(code: String) -> Int? { foerderschwerpunktIndex[code] }

    private var emptyFigures: Figures {
        Figures(
            massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count,
            foerderschwerpunktCount: foerderschwerpunkte.count)
    }

    /// Keeps a budget change for the lists of changes with their reasons.
    public mutating func add(_ change: BudgetAenderung) { budgetAenderungen.append(change) }

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
        do {
            kreisFigures[index] = try ReportBuilder.adding(project, to: kreisFigures[index])
            projectLines.append(ProjectLine(project))
        } catch {
            throw ReportBuilder.overflow(area: kreise[index].name + " (" + kreise[index].ags + ")", adding: "projekt \(project.id)")
        }
    }

    /// The figures with one project booked in, with every sum checked.
    private static func adding(_ project: Project, to kreis: Figures) throws(SumOverflow) -> Figures {
        var teilnehmende = 0
        for count in project.rechtskreisTeilnehmende { try teilnehmende.add(count) }
        var figures = kreis
        try figures.projekte.add(1)
        try figures.bewilligt.add(project.bewilligt)
        try figures.ausgegeben.add(project.ausgegeben)
        try figures.teilnehmende.add(teilnehmende)
        for (cell, count) in project.geschlecht.enumerated() { try figures.geschlecht[cell].add(count) }
        for entry in project.haushaltsjahre { try figures.addSpending(entry.ausgegeben, haushaltsjahr: entry.jahr) }
        try figures.teilnehmendeMitBehinderung.add(project.mitBehinderung)
        try figures.teilnehmendeBehinderungUnbekannt.add(project.behinderungUnbekannt)
        try figures.teilnehmendeAktiv.add(project.aktiv)
        var art = CategoryFigures()
        art.projekte = 1
        art.bewilligt = project.bewilligt
        art.ausgegeben = project.ausgegeben
        art.teilnehmende = teilnehmende
        if let plaetze = project.plaetzeGeplant { art.plaetzeGeplant = plaetze } else { art.projekteOhnePlan = 1 }
        try figures.plaetzeGeplant.add(art.plaetzeGeplant)
        try figures.projekteOhnePlan.add(art.projekteOhnePlan)
        try figures.massnahmenarten[project.massnahmenart].add(art)
        // Without a Förderschwerpunkt: the last entry.
        try figures.foerderschwerpunkte[project.foerderschwerpunkt ?? (figures.foerderschwerpunkte.count - 1)].add(art)
        for (cell, count) in project.rechtskreisTeilnehmende.enumerated() {
            try figures.rechtskreisTeilnehmende[cell].add(count)
        }
        return figures
    }

    /// The data error for a sum beyond what the report can represent, naming where it happened.
    static func overflow(area: String, adding what: String) -> ReportError {
        ReportError(
            .dataError,
            "the figures of \(area) leave the range the report can add up (±92.233.720.368.547.758,07 €) when \(what) is added; the amounts in the database cannot be right, correct them."
        )
    }

    /// Rolls the Kreise up into Regierungsbezirke and the Land and sorts all areas by key.
    /// Disclosure control comes after (`YearReport.applyingDisclosureControl`), outside the
    /// database snapshot, because it also weighs the reports published before.
    /// Throws a data error (65) naming the area when a sum, a budget, a rest or a percentage
    /// leaves the range of the report's integers.
    public func build() throws(ReportError) -> YearReport {
        let empty = emptyFigures
        var byKey: [String: (area: Area, figures: Figures)] = [Land.key: (Land.area, empty)]
        for bezirk in Regierungsbezirk.allCases { byKey[bezirk.key] = (bezirk.area, empty) }
        let names = AreaName.distinct(kreise)
        for (index, kreis) in kreise.enumerated() {
            let area = Area(ebene: .kreis, key: kreis.ags, name: names[index], art: kreis.art, parentKey: kreis.regierungsbezirk.key)
            byKey[kreis.ags] = (area, kreisFigures[index])
            do { try byKey[kreis.regierungsbezirk.key]?.figures.add(kreisFigures[index]) } catch {
                throw ReportBuilder.overflow(area: "Regierungsbezirk \(kreis.regierungsbezirk.rawValue)", adding: "Kreis \(kreis.ags)")
            }
        }
        for bezirk in Regierungsbezirk.allCases {
            guard let bezirkFigures = byKey[bezirk.key]?.figures else { continue }
            do { try byKey[Land.key]?.figures.add(bezirkFigures) } catch {
                throw ReportBuilder.overflow(area: Land.area.name, adding: "Regierungsbezirk \(bezirk.rawValue)")
            }
        }
        // Kreise first: the Kreis whose data are wrong is named, not only the sums above it.
        for (area, figures) in byKey.values.sorted(by: { ($0.area.key.count, $1.area.key) > ($1.area.key.count, $0.area.key) }) {
            do { try figures.checkDerived() } catch {
                throw ReportError(
                    .dataError,
                    "budget, rest or Mittelabfluss of \(area.name) (\(area.key)) cannot be represented (budget \(figures.budgetVereinbart.map { NumberFormat.euro($0) } ?? "–"), ausgegeben \(NumberFormat.euro(figures.ausgegeben))); the amounts in the database cannot be right, correct them."
                )
            }
        }
        let keys = byKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let areas = keys.compactMap { byKey[$0]?.area }
        let figures = keys.compactMap { byKey[$0]?.figures }
        var report = YearReport(
            year: year, asOf: asOf, massnahmenarten: massnahmenarten, rechtskreise: rechtskreise,
            areas: areas, figures: figures)
        report.foerderschwerpunkte = foerderschwerpunkte
        report.projects = projectLines.sorted { ($0.ags, $0.id) < ($1.ags, $1.id) }
        report.budgetAenderungen = budgetAenderungen
        return report
    }
}

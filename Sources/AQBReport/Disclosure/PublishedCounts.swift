/// The participant counts of one report as a reader has them: a value, or `nil` for `*`.
///
/// Read back from a published folder's CSV files (`PublishedFolder`), it is what the audit of
/// `aqb-report audit` attacks, and what an earlier report of the cohort adds to the knowledge
/// of the attacker of a new one.
public struct PublishedCounts: Sendable, Equatable, Codable {
    /// Area keys, sorted as the files sort them (`06`, `064`, `06411`, …).
    public var keys: [String]
    /// `parents[i]`: index of area `i`'s parent area, as in `CountTable`.
    public var parents: [Int?]
    /// Codes of the Maßnahmenarten and Rechtskreise, in the order of the cells.
    public var massnahmenarten: [String]
    public var rechtskreise: [String]
    /// Codes of the Förderschwerpunkte (without "ohne"); empty for a report without that file.
    public var foerderschwerpunkte: [String]
    /// Whether the areas carry the inclusion cells (reports with those columns).
    public var inclusion: Bool
    /// `values[i][cell]` in `layout` order; `nil` where the file shows `*`.
    public var values: [[Int?]]
    /// The project list with each project's count (`nil` for `*`); `nil` for a report without one.
    public var projects: [ProjectCells.Place]?
    public var projectValues: [Int?]
    /// Whether a `*` of this report may hide a 0 (reports of this version), or is never 0
    /// (reports made with the earlier rule, which never suppressed a zero).
    public var starsMayBeZero: Bool

    public init(
        keys: [String], parents: [Int?], massnahmenarten: [String], rechtskreise: [String], foerderschwerpunkte: [String] = [],
        inclusion: Bool = false, values: [[Int?]], projects: [ProjectCells.Place]? = nil, projectValues: [Int?] = [],
        starsMayBeZero: Bool
    ) {
        self.keys = keys
        self.parents = parents
        self.massnahmenarten = massnahmenarten
        self.rechtskreise = rechtskreise
        self.foerderschwerpunkte = foerderschwerpunkte
        self.inclusion = inclusion
        self.values = values
        self.projects = projects
        self.projectValues = projectValues
        self.starsMayBeZero = starsMayBeZero
    }

    public var layout: CellLayout {
        CellLayout(
            massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count,
            foerderschwerpunktCount: foerderschwerpunkte.isEmpty ? 0 : foerderschwerpunkte.count + 1, inclusion: inclusion)
    }

    /// Every cell in the numbering of `relations`: the areas' rows, then the projects.
    public var flatValues: [Int?] { values.flatMap { $0 } + projectValues }

    public var relations: [AdditiveRelation] { CountTable.relations(parents: parents, layout: layout, projects: projects) }

    /// Lower bounds a reader knows beyond the star's, by flat cell (`CountTable.minimums`).
    public var minimums: [Int: Int] { CountTable.minimums(areaCells: keys.count * layout.cellCount, projects: projects) }

    /// The smallest value a reader may assume for a `*`.
    public var starLowerBound: Int { starsMayBeZero ? 0 : 1 }

    /// For each of this table's flat cells, the flat cell of the same area and the same category
    /// (or the same project) in `other`, when that cell grows with the Stichtag (`nil`: not
    /// there, or not comparable). Cells are matched by area key, category code and project id,
    /// so a table whose list of areas changed still links.
    public func cellMap(to other: PublishedCounts) -> [Int?] {
        let otherLayout = other.layout
        var cellMap = Array(0..<layout.cellCount).map { _ -> Int? in nil }
        cellMap[layout.total] = otherLayout.total
        for index in Geschlecht.allCases.indices { cellMap[layout.geschlecht(index)] = otherLayout.geschlecht(index) }
        for (index, code) in massnahmenarten.enumerated() {
            cellMap[layout.massnahmenart(index)] = other.massnahmenarten.firstIndex(of: code).map(otherLayout.massnahmenart)
        }
        for (index, code) in rechtskreise.enumerated() {
            cellMap[layout.rechtskreis(index)] = other.rechtskreise.firstIndex(of: code).map(otherLayout.rechtskreis)
        }
        if layout.foerderschwerpunktCount > 0, otherLayout.foerderschwerpunktCount > 0 {
            for (index, code) in foerderschwerpunkte.enumerated() {
                cellMap[layout.foerderschwerpunkt(index)] = other.foerderschwerpunkte.firstIndex(of: code).map(
                    otherLayout.foerderschwerpunkt)
            }
            cellMap[layout.foerderschwerpunkt(nil)] = otherLayout.foerderschwerpunkt(nil)
        }
        if inclusion, other.inclusion {
            cellMap[layout.mitBehinderung] = otherLayout.mitBehinderung
            cellMap[layout.behinderungUnbekannt] = otherLayout.behinderungUnbekannt
            cellMap[layout.aktiv] = otherLayout.aktiv  // the same cell, but not linked: it can shrink
        }
        let areaMap = Dictionary(other.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Int?] = []
        for key in keys {
            let area = areaMap[key]
            for cell in 0..<layout.cellCount {
                if let area, let mapped = cellMap[cell], layout.growsWithStichtag(cell) {
                    result.append(area * otherLayout.cellCount + mapped)
                } else {
                    result.append(nil)
                }
            }
        }
        let otherFirst = other.keys.count * otherLayout.cellCount
        let otherProjects = Dictionary(
            (other.projects ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        for place in projects ?? [] { result.append(otherProjects[place.id].map { otherFirst + $0 }) }
        return result
    }
}

extension PublishedCounts {
    /// A cell as a reader finds it in the files: `06411 kreise.csv teilnehmende_d`,
    /// `06411 massnahmenarten.csv AQV`, `projekte.csv 241101 teilnehmende`.
    public func cellName(area: Int, cell: Int) -> String {
        let width = max(layout.cellCount, 1)
        let flat = area * width + cell
        if flat >= keys.count * width {
            let project = flat - keys.count * width
            let id = projects.flatMap { $0.indices.contains(project) ? $0[project].id : nil } ?? "?"
            return "projekte.csv \(id) teilnehmende"
        }
        let key = keys.indices.contains(area) ? keys[area] : "?"
        if cell == layout.total { return "\(key) kreise.csv teilnehmende" }
        if layout.geschlechtRange.contains(cell) {
            return "\(key) kreise.csv teilnehmende_\(Geschlecht.allCases[cell - layout.geschlechtRange.lowerBound].columnSuffix)"
        }
        if layout.massnahmenartRange.contains(cell) {
            return "\(key) massnahmenarten.csv \(massnahmenarten[cell - layout.massnahmenartRange.lowerBound]) teilnehmende"
        }
        if layout.rechtskreisRange.contains(cell) {
            return "\(key) rechtskreise.csv \(rechtskreise[cell - layout.rechtskreisRange.lowerBound]) teilnehmende"
        }
        if layout.foerderschwerpunktRange.contains(cell) {
            let index = cell - layout.foerderschwerpunktRange.lowerBound
            let code = foerderschwerpunkte.indices.contains(index) ? foerderschwerpunkte[index] : Suppression.ohneFoerderschwerpunkt
            return "\(key) foerderschwerpunkte.csv \(code) teilnehmende"
        }
        if cell == layout.mitBehinderung { return "\(key) kreise.csv teilnehmende_mit_behinderung" }
        if cell == layout.behinderungUnbekannt { return "\(key) kreise.csv teilnehmende_behinderung_unbekannt" }
        return "\(key) kreise.csv teilnahmen_aktiv_am_stichtag"
    }
}

/// Participant counts of all areas, in one fixed cell order per area.
///
/// Disclosure control must see every counted cell of every area at once, because a `*` in one
/// Kreis can be recomputed from its Regierungsbezirk and its siblings. This is that whole picture,
/// reduced to what the algorithm needs: which area sums up which, and the counts themselves.
public struct CountTable: Sendable, Hashable {
    /// Areas sorted by key as text (`06`, `064`, `06411`, …). `parents[i]` is the index of area
    /// `i`'s parent: the Land has none, Regierungsbezirke point to the Land, Kreise to their
    /// Regierungsbezirk.
    public var parents: [Int?]
    /// `cells[i]` = counts of area `i` in cell order:
    /// `[total, w, m, d, ohne Angabe, Maßnahmenarten…, Rechtskreise…]`, categories in `sortierung` order.
    public var cells: [[Int]]
    /// How many Maßnahmenart cells follow the gender cells.
    public var massnahmenartCount: Int
    /// How many Rechtskreis cells follow the Maßnahmenart cells.
    public var rechtskreisCount: Int
    /// Förderschwerpunkt cells (with "ohne") and whether the inclusion cells follow.
    public var foerderschwerpunktCount: Int
    public var inclusion: Bool
    /// The project list, when the report publishes one: each project's count is a cell of its
    /// own after all area cells, in this order.
    public var projects: ProjectCells?

    /// Traps if the shape is inconsistent (row lengths, parent indices, negative counts):
    /// a malformed table is a bug in the caller, and publishing from it could reveal small counts.
    public init(
        parents: [Int?], cells: [[Int]], massnahmenartCount: Int, rechtskreisCount: Int, foerderschwerpunktCount: Int = 0,
        inclusion: Bool = false, projects: ProjectCells? = nil
    ) {
        self.parents = parents
        self.cells = cells
        self.massnahmenartCount = massnahmenartCount
        self.rechtskreisCount = rechtskreisCount
        self.foerderschwerpunktCount = foerderschwerpunktCount
        self.inclusion = inclusion
        self.projects = projects
        validate()
    }

    /// The index of the total `teilnehmende` in every area's row.
    public static let totalIndex = 0
    /// The one cell order (`CellLayout`), shared with the renderers.
    public var layout: CellLayout {
        CellLayout(
            massnahmenartCount: massnahmenartCount, rechtskreisCount: rechtskreisCount, foerderschwerpunktCount: foerderschwerpunktCount,
            inclusion: inclusion)
    }
    /// Length of every row of `cells`.
    public var cellCount: Int { layout.cellCount }
    /// Number of areas.
    public var areaCount: Int { cells.count }

    /// The children of every area, in index (= key) order; empty for a Kreis.
    public var children: [[Int]] {
        var result = Array(repeating: [Int](), count: areaCount)
        for (child, parent) in parents.enumerated() {
            if let parent { result[parent].append(child) }
        }
        return result
    }

    /// The table's cells in one flat numbering, `area × cellCount + cell`, then the projects':
    /// the numbering of `relations` and of the audit.
    public var flatCells: [Int] { cells.flatMap { $0 } + (projects?.values ?? []) }

    /// Every sum a reader knows between the cells of this table.
    public var relations: [AdditiveRelation] { Self.relations(parents: parents, layout: layout, projects: projects?.places) }

    /// Lower bounds a reader knows beyond "a count is ≥ 0", by flat cell.
    public var minimums: [Int: Int] { Self.minimums(areaCells: areaCount * cellCount, projects: projects?.places) }

    /// A finding that says a project has a participation that ends before it begins tells a
    /// reader that its count is at least 1.
    public static func minimums(areaCells: Int, projects: [ProjectCells.Place]?) -> [Int: Int] {
        var result: [Int: Int] = [:]
        for (index, place) in (projects ?? []).enumerated() where place.bound == .atLeastOne { result[areaCells + index] = 1 }
        return result
    }

    /// Every additive relation between the published counts of one report, as the attacker of the
    /// audit knows them:
    /// - within each area, the total equals the sum of each breakdown (Geschlecht, Maßnahmenart,
    ///   Rechtskreis);
    /// - for each area with children, each of its cells equals the sum of the same cell of its
    ///   children (Land = Σ Regierungsbezirke, Regierungsbezirk = Σ its Kreise).
    ///
    /// A new output with counts of people (per project, per Förderschwerpunkt, with or without
    /// disability, …) adds its cells to the table and its sums HERE, for example
    /// "Kreis total = Σ its projects", so that suppression and audit see them; a count that is
    /// published without its relations here is a count the audit cannot vouch for.
    /// - with the inclusion cells, each group of parts is at most the total;
    /// - with a project list, each Kreis's Maßnahmenart cell equals the sum of its projects of
    ///   that Maßnahmenart (0 where it lists none), and each Förderschwerpunkt cell the sum of
    ///   its projects of that Förderschwerpunkt.
    ///
    /// - Parameter projects: the places of the project cells, numbered after all area cells.
    public static func relations(parents: [Int?], layout: CellLayout, projects: [ProjectCells.Place]? = nil) -> [AdditiveRelation] {
        let width = layout.cellCount
        var result: [AdditiveRelation] = []
        for area in parents.indices {
            let base = area * width
            for breakdown in layout.breakdowns where !breakdown.isEmpty {
                result.append(AdditiveRelation(total: base + layout.total, members: breakdown.map { base + $0 }))
            }
            for part in layout.parts {
                result.append(AdditiveRelation(total: base + layout.total, members: part.map { base + $0 }, isEquation: false))
            }
        }
        if let projects {
            let first = parents.count * width
            var isParent = Array(repeating: false, count: parents.count)
            for parent in parents { if let parent { isParent[parent] = true } }
            var byCell: [Int: [Int]] = [:]
            for (index, place) in projects.enumerated() {
                byCell[place.area * width + layout.massnahmenart(place.massnahmenart), default: []].append(first + index)
                if layout.foerderschwerpunktCount > 0 {
                    byCell[place.area * width + layout.foerderschwerpunkt(place.foerderschwerpunkt), default: []].append(first + index)
                }
            }
            // A finding that says a project has no participants pins its count to 0.
            for (index, place) in projects.enumerated() where place.bound == .zero {
                result.append(AdditiveRelation(total: first + index, members: []))
            }
            for area in parents.indices where !isParent[area] {
                var cells = layout.massnahmenartRange.map { area * width + $0 }
                cells += layout.foerderschwerpunktRange.map { area * width + $0 }
                for cell in cells { result.append(AdditiveRelation(total: cell, members: byCell[cell] ?? [])) }
            }
        }
        var children = Array(repeating: [Int](), count: parents.count)
        for (child, parent) in parents.enumerated() {
            if let parent { children[parent].append(child) }
        }
        for (parent, kids) in children.enumerated() where !kids.isEmpty {
            for cell in 0..<width {
                result.append(AdditiveRelation(total: parent * width + cell, members: kids.map { $0 * width + cell }))
            }
        }
        return result
    }

    /// Checks the invariants the algorithm relies on; traps on violation.
    func validate() {
        precondition(massnahmenartCount >= 0 && rechtskreisCount >= 0, "CountTable: negative category count")
        precondition(parents.count == cells.count, "CountTable: parents and cells differ in length")
        for (index, row) in cells.enumerated() {
            precondition(row.count == cellCount, "CountTable: area \(index) has \(row.count) cells, expected \(cellCount)")
            precondition(row.allSatisfy { $0 >= 0 }, "CountTable: area \(index) has a negative count")
        }
        if let projects {
            precondition(projects.values.count == projects.places.count, "CountTable: projects and their places differ in length")
            precondition(projects.values.allSatisfy { $0 >= 0 }, "CountTable: a project has a negative count")
            for place in projects.places {
                precondition(
                    cells.indices.contains(place.area) && (0..<massnahmenartCount).contains(place.massnahmenart)
                        && place.foerderschwerpunkt.map { (0..<max(foerderschwerpunktCount - 1, 0)).contains($0) } ?? true,
                    "CountTable: project \(place.id) has an invalid place")
            }
        }
        for (index, parent) in parents.enumerated() {
            if let parent {
                precondition(parents.indices.contains(parent) && parent != index, "CountTable: area \(index) has invalid parent \(parent)")
            }
        }
    }
}

/// The projects of a count table: where each sits (for the relations and the link between
/// reports, by project id), and its count.
public struct ProjectCells: Sendable, Hashable {
    public struct Place: Sendable, Hashable, Codable {
        /// `projekt.id` as the files show it.
        public var id: String
        /// Index of its Kreis among the table's areas.
        public var area: Int
        /// Index among the table's Maßnahmenarten.
        public var massnahmenart: Int
        /// Index among the table's Förderschwerpunkte; `nil` without one.
        public var foerderschwerpunkt: Int?
        /// What a published finding about the project tells a reader of its count
        /// (`auffaelligkeiten.csv`: "no participants" is 0, "ends before it begins" at least 1).
        public var bound: ParticipantBound?

        public init(id: String, area: Int, massnahmenart: Int, foerderschwerpunkt: Int?, bound: ParticipantBound? = nil) {
            self.id = id
            self.area = area
            self.massnahmenart = massnahmenart
            self.foerderschwerpunkt = foerderschwerpunkt
            self.bound = bound
        }

        /// The same place without what a finding tells of its count: for comparing two tables
        /// of one counting day that readers learned more about in between.
        public var withoutBound: Place {
            var place = self
            place.bound = nil
            return place
        }
    }

    public var places: [Place]
    /// Participations per project, in the order of `places`.
    public var values: [Int]

    public init(places: [Place], values: [Int]) {
        self.places = places
        self.values = values
    }
}

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

    /// Traps if the shape is inconsistent (row lengths, parent indices, negative counts):
    /// a malformed table is a bug in the caller, and publishing from it could reveal small counts.
    public init(parents: [Int?], cells: [[Int]], massnahmenartCount: Int, rechtskreisCount: Int) {
        self.parents = parents
        self.cells = cells
        self.massnahmenartCount = massnahmenartCount
        self.rechtskreisCount = rechtskreisCount
        validate()
    }

    /// The index of the total `teilnehmende` in every area's row.
    public static let totalIndex = 0
    /// The one cell order (`CellLayout`), shared with the renderers.
    public var layout: CellLayout { CellLayout(massnahmenartCount: massnahmenartCount, rechtskreisCount: rechtskreisCount) }
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

    /// The table's cells in one flat numbering, `area × cellCount + cell`: the numbering of
    /// `relations` and of the audit.
    public var flatCells: [Int] { cells.flatMap { $0 } }

    /// Every sum a reader knows between the cells of this table.
    public var relations: [AdditiveRelation] { Self.relations(parents: parents, layout: layout) }

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
    public static func relations(parents: [Int?], layout: CellLayout) -> [AdditiveRelation] {
        let width = layout.cellCount
        var result: [AdditiveRelation] = []
        for area in parents.indices {
            let base = area * width
            for breakdown in layout.breakdowns where !breakdown.isEmpty {
                result.append(AdditiveRelation(total: base + layout.total, members: breakdown.map { base + $0 }))
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
        for (index, parent) in parents.enumerated() {
            if let parent {
                precondition(parents.indices.contains(parent) && parent != index, "CountTable: area \(index) has invalid parent \(parent)")
            }
        }
    }
}

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
    /// Gender cells `w`, `m`, `d`, ohne Angabe.
    public var genderRange: Range<Int> { 1..<5 }
    /// Maßnahmenart cells, in `sortierung` order.
    public var massnahmenartRange: Range<Int> { 5..<(5 + massnahmenartCount) }
    /// Rechtskreis cells, in `sortierung` order.
    public var rechtskreisRange: Range<Int> {
        massnahmenartRange.upperBound..<(massnahmenartRange.upperBound + rechtskreisCount)
    }
    /// Length of every row of `cells`.
    public var cellCount: Int { rechtskreisRange.upperBound }
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

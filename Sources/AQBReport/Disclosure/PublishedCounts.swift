/// The participant counts of one report as a reader has them: a value, or `nil` for `*`.
///
/// Read back from a published folder's CSV files (`PublishedFolder`), it is what the audit of
/// `aqb-report audit` attacks, and what an earlier report of the cohort adds to the knowledge
/// of the attacker of a new one.
public struct PublishedCounts: Sendable, Equatable {
    /// Area keys, sorted as the files sort them (`06`, `064`, `06411`, …).
    public var keys: [String]
    /// `parents[i]`: index of area `i`'s parent area, as in `CountTable`.
    public var parents: [Int?]
    /// Codes of the Maßnahmenarten and Rechtskreise, in the order of the cells.
    public var massnahmenarten: [String]
    public var rechtskreise: [String]
    /// `values[i][cell]` in `layout` order; `nil` where the file shows `*`.
    public var values: [[Int?]]
    /// Whether a `*` of this report may hide a 0 (reports of this version), or is never 0
    /// (reports made with the earlier rule, which never suppressed a zero).
    public var starsMayBeZero: Bool

    public init(
        keys: [String], parents: [Int?], massnahmenarten: [String], rechtskreise: [String], values: [[Int?]],
        starsMayBeZero: Bool
    ) {
        self.keys = keys
        self.parents = parents
        self.massnahmenarten = massnahmenarten
        self.rechtskreise = rechtskreise
        self.values = values
        self.starsMayBeZero = starsMayBeZero
    }

    public var layout: CellLayout {
        CellLayout(massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count)
    }

    public var relations: [AdditiveRelation] { CountTable.relations(parents: parents, layout: layout) }

    /// The smallest value a reader may assume for a `*`.
    public var starLowerBound: Int { starsMayBeZero ? 0 : 1 }

    /// For each of this table's flat cells, the flat cell of the same area and the same category
    /// in a table with the given keys and categories (`nil`: not there). Cells are matched by
    /// area key and category code, so a table whose list of areas changed still links.
    public func cellMap(toKeys otherKeys: [String], massnahmenarten otherArten: [String], rechtskreise otherKreise: [String])
        -> [Int?]
    {
        let otherLayout = CellLayout(massnahmenartCount: otherArten.count, rechtskreisCount: otherKreise.count)
        var cellMap = Array(0..<layout.cellCount).map { _ -> Int? in nil }
        cellMap[layout.total] = otherLayout.total
        for index in Geschlecht.allCases.indices { cellMap[layout.geschlecht(index)] = otherLayout.geschlecht(index) }
        for (index, code) in massnahmenarten.enumerated() {
            cellMap[layout.massnahmenart(index)] = otherArten.firstIndex(of: code).map(otherLayout.massnahmenart)
        }
        for (index, code) in rechtskreise.enumerated() {
            cellMap[layout.rechtskreis(index)] = otherKreise.firstIndex(of: code).map(otherLayout.rechtskreis)
        }
        let areaMap = Dictionary(otherKeys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [Int?] = []
        for key in keys {
            let area = areaMap[key]
            for cell in 0..<layout.cellCount {
                if let area, let other = cellMap[cell] {
                    result.append(area * otherLayout.cellCount + other)
                } else {
                    result.append(nil)
                }
            }
        }
        return result
    }
}

extension PublishedCounts {
    /// A cell as a reader finds it in the files: `06411 kreise.csv teilnehmende_d`,
    /// `06411 massnahmenarten.csv AQV`.
    public func cellName(area: Int, cell: Int) -> String {
        let key = keys.indices.contains(area) ? keys[area] : "?"
        if cell == layout.total { return "\(key) kreise.csv teilnehmende" }
        if layout.geschlechtRange.contains(cell) {
            return "\(key) kreise.csv teilnehmende_\(Geschlecht.allCases[cell - layout.geschlechtRange.lowerBound].columnSuffix)"
        }
        if layout.massnahmenartRange.contains(cell) {
            return "\(key) massnahmenarten.csv \(massnahmenarten[cell - layout.massnahmenartRange.lowerBound]) teilnehmende"
        }
        return "\(key) rechtskreise.csv \(rechtskreise[cell - layout.rechtskreisRange.lowerBound]) teilnehmende"
    }
}

/// The previous-year counts that reports of the next AQB year published (`vorjahr.csv`), read
/// back as reports of this cohort.
///
/// A report of year J shows the participations of cohort J−1 at S−1y beside its own. Those are a
/// report of J−1 at S−1y, but they lie in `<base>/J/<S>/`, where `PublishedNeighbours` of J−1 does
/// not look. Without this, a later report of J−1 would be audited without them and could, together
/// with them, narrow down a `*`. With it, every report of J−1 takes them as one more published
/// report of the cohort: its totals per area as published (`*` unknown), its breakdowns unknown.
///
/// A comparison made on exactly this report's Stichtag (a report of J−1 run again for that day)
/// holds the same counts: it is taken as both earlier and later, so the audit knows they are equal.
enum PublishedVorjahrNeighbours {
    static func find(base: String, year: Int, asOf: CalendarDate, own: PublishedCounts) -> (
        neighbours: [NeighbourReport], warnings: [String]
    ) {
        // Only real folders inside the next year's folder, never through a link someone planted.
        guard let nextYear = try? Directory.open(base + "/" + String(year + 1), followLink: false, ownedByUs: false) else {
            return ([], [])
        }
        var neighbours: [NeighbourReport] = []
        var warnings: [String] = []
        for name in nextYear.entries().sorted() {
            guard let date = CalendarDate(iso: name), date.description == name, nextYear.kind(name) == .directory else { continue }
            guard let folder = try? nextYear.subdirectory(name, create: false), folder.kind(VorjahrCSV.fileName) == .file else { continue }
            // The previous cohort's counting day: the same rule as the folder's own (month-end,
            // or the Stichtag itself when its counting day is its Stichtag).
            let zaehltag = PublishedFolder.manifest(folder)?.parameters.zaehltag.flatMap(CalendarDate.init(iso:)) ?? date
            let vorjahrAsOf = zaehltag == date ? date.sameDayOneYearEarlier : date.sameDayOneYearEarlier.lastMonthEndOnOrBefore
            do {
                let counts = try read(folder)
                // The nights of one month show the same table: a reader learns it once.
                if neighbours.contains(where: { $0.asOf == vorjahrAsOf && $0.counts == counts }) { continue }
                let cellMap = counts.cellMap(to: own)
                // Only the totals were shown: the breakdowns are unknown, not `*`.
                let width = counts.layout.cellCount
                let unpublished = Set(counts.values.indices.flatMap { area in (1..<width).map { area * width + $0 } })
                let directions = vorjahrAsOf == asOf ? [true, false] : [vorjahrAsOf < asOf]
                for isEarlier in directions {
                    neighbours.append(
                        NeighbourReport(counts: counts, asOf: vorjahrAsOf, isEarlier: isEarlier, cellMap: cellMap, unpublished: unpublished)
                    )
                }
            } catch {
                warnings.append(
                    "Vorjahresvergleich des Berichts \(year + 1) zum \(date.german) nicht lesbar, beim Abgleich nicht berücksichtigt: \(error)"
                )
            }
        }
        return (neighbours, warnings)
    }

    /// The previous year's totals of a `vorjahr.csv` as a table of counts: areas of that year only
    /// (an empty `teilnehmende_vorjahr` is an area of the current year alone), no categories.
    static func read(_ folder: Directory) throws(PublishedFolder.ReadError) -> PublishedCounts {
        let file = VorjahrCSV.fileName
        let table = try PublishedFolder.table(folder, file)
        let ebene = try PublishedFolder.column(table, "ebene", file)
        let ags = try PublishedFolder.column(table, "ags", file)
        let count = try PublishedFolder.column(table, "teilnehmende_vorjahr", file)
        let rows = table.rows.filter { !$0[count].isEmpty }
        let keys = rows.map { $0[ags] }
        guard keys.count <= PublishedFolder.maximumAreas else {
            throw PublishedFolder.ReadError(description: "\(folder.path)/\(file) lists \(keys.count) areas; not a report of Hessen")
        }
        let levels = ["Land": 0, "Regierungsbezirk": 1, "Kreis": 2]
        let level = try rows.map { row throws(PublishedFolder.ReadError) in
            guard let level = levels[row[ebene]] else {
                throw PublishedFolder.ReadError(description: "\(folder.path)/\(file): unknown ebene '\(row[ebene])'")
            }
            return level
        }
        // As `PublishedFolder` finds parents: the area one level up whose key begins this one's.
        let parents = PublishedFolder.parents(keys: keys, level: level)
        let layout = CellLayout(massnahmenartCount: 0, rechtskreisCount: 0)
        let values = try rows.map { row throws(PublishedFolder.ReadError) -> [Int?] in
            var cells = Array(repeating: Int?.none, count: layout.cellCount)
            cells[layout.total] = try PublishedFolder.checkedCount(row[count], folder.path + "/" + file)
            return cells
        }
        return PublishedCounts(keys: keys, parents: parents, massnahmenarten: [], rechtskreise: [], values: values, starsMayBeZero: true)
    }
}

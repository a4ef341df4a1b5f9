/// Finds the published reports of a cohort beside a new one, under the output base.
///
/// Considered: the nearest earlier and the nearest later published folder of the same AQB year
/// (`<base>/<year>/<Stichtag>/`, not `-intern`), read from their CSV files. Reports deleted from
/// the output base, kept elsewhere or sent on by mail are not seen (README, "Geheimhaltung").
/// Two neighbours, not all: each nightly report was itself audited against its own neighbours
/// when it was published, so the chain is covered link by link, and the audit stays small.
public enum PublishedNeighbours {
    public static func find(base: String, year: Int, asOf: CalendarDate, report: YearReport) -> (
        neighbours: [NeighbourReport], warnings: [String]
    ) {
        let yearPath = base + "/" + String(year)
        // Only real folders inside the year's folder, never through a link someone planted.
        guard let yearDirectory = try? Directory.open(yearPath, followLink: false, ownedByUs: false) else {
            return PublishedVorjahrNeighbours.find(base: base, year: year, asOf: asOf, own: report.publishedCounts)
        }
        let dates = yearDirectory.entries().compactMap { name -> CalendarDate? in
            guard let date = CalendarDate(iso: name), date.description == name, yearDirectory.kind(name) == .directory else { return nil }
            return date
        }
        var neighbours: [NeighbourReport] = []
        var warnings: [String] = []
        let own = report.publishedCounts
        for date in dates.sorted() where date != asOf {
            let isEarlier = date < asOf
            do {
                let folder: Directory
                do { folder = try yearDirectory.subdirectory(date.description, create: false) } catch {
                    throw PublishedFolder.ReadError(description: "\(error)")
                }
                let counts = try PublishedFolder.read(folder)
                let cellMap = counts.cellMap(to: own)
                neighbours.append(NeighbourReport(counts: counts, asOf: date, isEarlier: isEarlier, cellMap: cellMap))
            } catch {
                warnings.append("Bericht zum \(date.german) nicht lesbar, beim Abgleich nicht berücksichtigt: \(error)")
            }
        }
        // The previous-year comparisons of the next year's reports are reports of this cohort too.
        let vorjahr = PublishedVorjahrNeighbours.find(base: base, year: year, asOf: asOf, own: own)
        return (neighbours + vorjahr.neighbours, warnings + vorjahr.warnings)
    }
}

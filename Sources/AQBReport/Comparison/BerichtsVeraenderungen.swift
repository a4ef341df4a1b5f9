/// What moved per area since the newest earlier published report of the same AQB year under the
/// output base, for `bericht.md` ("Veränderungen seit dem Bericht vom …").
///
/// Computed from published values only, on both sides: the earlier report as its `kreise.csv`
/// reads, the new one as it is published. A difference is shown only where both counts are
/// published, so no difference reveals a `*`; whether a row is listed also depends on published
/// values alone.
public struct BerichtsVeraenderungen: Sendable, Equatable {
    /// The Stichtag of the earlier report.
    public let frueherStichtag: CalendarDate
    /// The areas with a change, in key order; empty: nothing moved.
    public let zeilen: [Zeile]

    public struct Zeile: Sendable, Equatable {
        public let area: Area
        /// The values now; `nil` for an area no longer in the report.
        public let bewilligt: Cents?
        public let ausgegeben: Cents?
        /// As published now (`nil` = `*` or no longer there).
        public let teilnehmende: Int?
        public let bewilligtVeraenderung: Veraenderung<Cents>
        public let ausgegebenVeraenderung: Veraenderung<Cents>
        public let teilnehmendeVeraenderung: Veraenderung<Int>
        /// Whether the area is in only one of the two reports.
        public let nurInEinem: Bool
    }

    /// Compares `report` (as published) with the earlier folder's values.
    public init(report: YearReport, earlier: [PublishedKreisValues], earlierAsOf: CalendarDate) {
        frueherStichtag = earlierAsOf
        let before = Dictionary(earlier.map { ($0.ags, $0) }, uniquingKeysWith: { first, _ in first })
        var zeilen: [Zeile] = []
        var seen = Set<String>()
        for (index, area) in report.areas.enumerated() {
            seen.insert(area.key)
            let figures = report.figures[index]
            let now = report.count(area: index, cell: report.layout.total)
            guard let old = before[area.key] else {
                zeilen.append(
                    Zeile(
                        area: area, bewilligt: figures.bewilligt, ausgegeben: figures.ausgegeben, teilnehmende: now,
                        bewilligtVeraenderung: .fehlt, ausgegebenVeraenderung: .fehlt, teilnehmendeVeraenderung: .fehlt, nurInEinem: true))
                continue
            }
            let zeile = Zeile(
                area: area, bewilligt: figures.bewilligt, ausgegeben: figures.ausgegeben, teilnehmende: now,
                bewilligtVeraenderung: .money(figures.bewilligt, old.bewilligt, comparable: true),
                ausgegebenVeraenderung: .money(figures.ausgegeben, old.ausgegeben, comparable: true),
                teilnehmendeVeraenderung: .count(now, old.teilnehmende, comparable: true), nurInEinem: false)
            // Listed when a published value moved, or a count went from published to `*` or back:
            // both are plain to anyone holding the two files, so listing them tells nothing new.
            let moved =
                [zeile.bewilligtVeraenderung, zeile.ausgegebenVeraenderung].contains { ($0.value ?? .zero) != .zero }
                || (zeile.teilnehmendeVeraenderung.value ?? 0) != 0 || (now == nil) != (old.teilnehmende == nil)
            if moved { zeilen.append(zeile) }
        }
        for old in earlier where !seen.contains(old.ags) {
            zeilen.append(
                Zeile(
                    area: Area(ebene: .kreis, key: old.ags, name: old.name, parentKey: nil), bewilligt: nil, ausgegeben: nil,
                    teilnehmende: nil,
                    bewilligtVeraenderung: .fehlt, ausgegebenVeraenderung: .fehlt, teilnehmendeVeraenderung: .fehlt, nurInEinem: true))
        }
        self.zeilen = zeilen.sorted { $0.area.key < $1.area.key }
    }

    /// The newest published folder `<base>/<year>/<Stichtag>` with a Stichtag before `report.asOf`,
    /// compared with `report`; `nil` when there is none. Read through `Directory` (no link followed);
    /// an unreadable folder gives a warning and no section.
    ///
    /// - Parameter recorded: the cohort's disclosure ledger. A folder is compared with only when
    ///   it is ours, passes `verify`, and its counts are a recorded table: an edited `kreise.csv`
    ///   (a forged area, a forged count) must not appear as a change.
    public static func find(base: String, report: YearReport, recorded: [LedgerEntry]? = nil) -> (
        veraenderungen: BerichtsVeraenderungen?, warnings: [String]
    ) {
        guard let yearDirectory = try? Directory.open(base + "/" + String(report.year), followLink: false, ownedByUs: false) else {
            return (nil, [])
        }
        let dates = yearDirectory.entries().compactMap { name -> CalendarDate? in
            guard let date = CalendarDate(iso: name), date.description == name, date < report.asOf,
                yearDirectory.kind(name) == .directory
            else { return nil }
            return date
        }
        guard let newest = dates.max() else { return (nil, []) }
        do {
            let folder: Directory
            do { folder = try yearDirectory.subdirectory(newest.description, create: false) } catch {
                throw PublishedFolder.ReadError(description: "\(error)")
            }
            if let recorded {
                let problems = Manifest.verify(folder: folder.path)
                let counts = try PublishedFolder.read(folder)
                guard problems.isEmpty, recorded.contains(where: { $0.counts == counts }) else {
                    return (
                        nil,
                        [
                            "Bericht zum \(newest.german) ist nicht im Register der Veröffentlichungen oder wurde verändert; Veränderungen seitdem nicht aufgeführt."
                        ]
                    )
                }
            }
            let values = try PublishedFolder.kreisValues(folder)
            return (BerichtsVeraenderungen(report: report, earlier: values, earlierAsOf: newest), [])
        } catch {
            return (nil, ["Bericht zum \(newest.german) nicht lesbar, Veränderungen seitdem nicht aufgeführt: \(error)"])
        }
    }
}

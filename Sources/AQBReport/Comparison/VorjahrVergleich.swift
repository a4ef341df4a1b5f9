/// The comparison of a year's report with the previous cohort at the same day one year earlier:
/// one row per area of either year, for `vorjahr.csv`, `bericht.md` and the county sheets.
///
/// Both reports are taken as published: the previous year's counts come from its own
/// suppression pattern (`VorjahrVeroeffentlichung`), so a count withheld there is withheld here,
/// and no change reveals it.
public struct VorjahrVergleich: Sendable, Equatable {
    public let jahr: Int
    public let stichtag: CalendarDate
    public let vorjahr: Int
    public let vorjahrStichtag: CalendarDate
    /// One row per key of either year, sorted as text (`06`, `064`, `06411`, …).
    public let zeilen: [VorjahrZeile]
    /// Where the previous year's counts come from.
    public let quelle: VorjahrVeroeffentlichung.Quelle

    /// - Parameters:
    ///   - aktuell: the current year's report, disclosure control applied.
    ///   - vorjahr: the previous year's report at `aktuell.asOf.sameDayOneYearEarlier`, as published
    ///     (`VorjahrVeroeffentlichung.report`).
    public init(aktuell: YearReport, vorjahr: YearReport, quelle: VorjahrVeroeffentlichung.Quelle) {
        jahr = aktuell.year
        stichtag = aktuell.asOf
        self.vorjahr = vorjahr.year
        vorjahrStichtag = vorjahr.asOf
        self.quelle = quelle
        let years = (vorjahr.year, aktuell.year)
        let now = Dictionary(aktuell.areas.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let before = Dictionary(vorjahr.areas.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        let kreiseNow = VorjahrVergleich.kreise(of: aktuell)
        let kreiseBefore = VorjahrVergleich.kreise(of: vorjahr)
        let keys = Set(now.keys).union(before.keys).sorted()
        zeilen = keys.compactMap { key in
            let a = now[key].map { aktuell.areas[$0] }
            let v = before[key].map { vorjahr.areas[$0] }
            guard let area = a ?? v else { return nil }
            var vergleichbarkeit: Vergleichbarkeit
            var basis: Vergleichsbasis?
            if a == nil {
                vergleichbarkeit = .nurImJahr(years.0)
            } else if v == nil {
                vergleichbarkeit = .nurImJahr(years.1)
            } else if let a, let v, a.ebene == .kreis {
                vergleichbarkeit =
                    a.parentKey == v.parentKey
                    ? .vergleichbar
                    : .andererBezirk(vorjahr: bezirk(v.parentKey), jahr: bezirk(a.parentKey), years: years)
            } else {
                let jetzt = kreiseNow[key] ?? []
                let damals = kreiseBefore[key] ?? []
                vergleichbarkeit =
                    jetzt == damals
                    ? .vergleichbar
                    : .andereKreise(
                        nurJahr: jetzt.subtracting(damals).sorted(), nurVorjahr: damals.subtracting(jetzt).sorted(), years: years)
                // Compared over the Kreise of both years, where there are any and the sums fit.
                if jetzt != damals,
                    let common = Vergleichsbasis(aggregate: key, gemeinsam: jetzt.intersection(damals), aktuell: aktuell, vorjahr: vorjahr)
                {
                    basis = common
                    vergleichbarkeit = .ueberGemeinsameKreise(ohne: common.ausgelassen)
                }
            }
            return VorjahrZeile(
                area: area,
                aktuell: now[key].map { Kennzahlen(report: aktuell, area: $0) },
                vorjahr: before[key].map { Kennzahlen(report: vorjahr, area: $0) },
                vergleichbarkeit: vergleichbarkeit, basis: basis)
        }
    }

    /// Whether the previous cohort has any data at the earlier Stichtag: a Zielvereinbarung or a
    /// project. Without, there is nothing to compare with (the first year in the database).
    public var vorjahrHatDaten: Bool {
        zeilen.contains { $0.vorjahr.map { $0.budget != nil || $0.projekte > 0 } ?? false }
    }

    /// The row of an area key (a county sheet's Kreis, `06` for Hessen).
    public func zeile(ags: String) -> VorjahrZeile? { zeilen.first { $0.area.key == ags } }

    /// The Kreise summed into each aggregate: the Land's are all of them.
    private static func kreise(of report: YearReport) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for area in report.areas where area.ebene == .kreis {
            if let parent = area.parentKey { result[parent, default: []].insert(area.key) }
            result[Land.key, default: []].insert(area.key)
        }
        return result
    }
}

private func bezirk(_ key: String?) -> String {
    Regierungsbezirk.allCases.first { $0.key == key }?.rawValue ?? (key ?? "")
}

/// What the change of a Regierungsbezirk or of Hessen is computed over when its Kreise differ
/// between the years: the Kreise present in both, summed in each year.
///
/// A new kreisfreie Stadt (Hanau since 2026), or an invented test area with nothing in it, used
/// to make every change of Hessen and its Bezirk "nicht vergleichbar". Now the change compares
/// like with like, and `ausgelassen` names what was left out, for the footnote.
///
/// Counts of people: the sum over the common Kreise is shown only where a reader can compute it
/// from published cells already (every common Kreis published, or the aggregate and every
/// left-out Kreis published); else it is withheld, and so is the change. So the comparison
/// publishes no count the report's own pattern does not.
public struct Vergleichsbasis: Sendable, Equatable {
    public let aktuell: Kennzahlen
    public let vorjahr: Kennzahlen
    /// The Kreise left out, as the footnote names them: `06499 Neustadt (nur 2025)`.
    public let ausgelassen: [String]

    /// - Parameters:
    ///   - gemeinsam: keys of the Kreise of the aggregate in both years.
    ///   - aggregate: the aggregate's key.
    init?(aggregate: String, gemeinsam: Set<String>, aktuell: YearReport, vorjahr: YearReport) {
        guard !gemeinsam.isEmpty, let jetzt = Kennzahlen(summing: gemeinsam, of: aggregate, in: aktuell),
            let damals = Kennzahlen(summing: gemeinsam, of: aggregate, in: vorjahr)
        else { return nil }
        self.aktuell = jetzt
        self.vorjahr = damals
        self.ausgelassen = [vorjahr, aktuell].flatMap { report in
            Vergleichsbasis.kreise(of: aggregate, in: report).filter { !gemeinsam.contains($0.key) }.map {
                "\($0.key) \($0.name) (nur \(report.year))"
            }
        }.sorted()
    }

    /// The Kreise summed into `aggregate` in `report` (all Kreise for Hessen).
    static func kreise(of aggregate: String, in report: YearReport) -> [Area] {
        report.areas.filter { $0.ebene == .kreis && (aggregate == Land.key || $0.parentKey == aggregate) }
    }
}

extension Kennzahlen {
    /// The key figures of `aggregate` over the Kreise `keys` only; `nil` when a sum does not fit.
    init?(summing keys: Set<String>, of aggregate: String, in report: YearReport) {
        guard let whole = report.areas.firstIndex(where: { $0.key == aggregate }) else { return nil }
        self.init(report: report, area: whole)
        let members = report.areas.indices.filter { report.areas[$0].ebene == .kreis && keys.contains(report.areas[$0].key) }
        let others = report.areas.indices.filter {
            report.areas[$0].ebene == .kreis && !keys.contains(report.areas[$0].key)
                && Vergleichsbasis.kreise(of: aggregate, in: report).contains(report.areas[$0])
        }
        let parts = members.map { Kennzahlen(report: report, area: $0) }
        guard let bewilligt = Kennzahlen.sum(parts.map(\.bewilligt)), let ausgegeben = Kennzahlen.sum(parts.map(\.ausgegeben)) else {
            return nil
        }
        self.bewilligt = bewilligt
        self.ausgegeben = ausgegeben
        // Budget cells sum the Kreise with a Zielvereinbarung, empty only when none has one.
        budgetVereinbart = Kennzahlen.sum(parts.compactMap(\.budgetVereinbart), emptyIsNil: true)
        budgetAenderungen = Kennzahlen.sum(parts.compactMap(\.budgetAenderungen), emptyIsNil: true)
        budget = Kennzahlen.sum(parts.compactMap(\.budget), emptyIsNil: true)
        rest = budget.flatMap { $0.subtracting(ausgegeben) }
        abflussPromille = budget.flatMap { Percentage.tenths(of: ausgegeben, per: $0) }
        projekte = parts.reduce(0) { $0 + $1.projekte }
        // Only a sum a reader can already compute from published cells (see `Vergleichsbasis`).
        let counts = parts.map(\.teilnehmende)
        if counts.allSatisfy({ $0 != nil }) {
            teilnehmende = counts.reduce(0) { $0 + ($1 ?? 0) }
        } else if let total = teilnehmende,
            case let left = others.map({ report.count(area: $0, cell: report.layout.total) }), left.allSatisfy({ $0 != nil })
        {
            teilnehmende = total - left.reduce(0) { $0 + ($1 ?? 0) }
        } else {
            teilnehmende = nil
        }
    }

    private static func sum(_ values: [Cents], emptyIsNil: Bool = false) -> Cents? {
        if emptyIsNil, values.isEmpty { return nil }
        var total = Cents.zero
        for value in values {
            guard let next = total.adding(value) else { return nil }
            total = next
        }
        return total
    }
}

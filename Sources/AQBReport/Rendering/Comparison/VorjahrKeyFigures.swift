/// The previous year's value and the change beside each of the Hessen key figures of `bericht.md`.
///
/// Each property is the cells to append to a row of the key figures: none without a comparison,
/// so the table stays as it was; `[Vorjahr, Veränderung]` with one. A row added to the key
/// figures without them simply has two empty cells there: so do the rows by Geschlecht, because
/// the previous year's counts a report publishes are exactly the column `teilnehmende_vorjahr` of
/// `vorjahr.csv`, which later reports of that cohort read back as a neighbour
/// (`PublishedVorjahrNeighbours`).
struct VorjahrKeyFigures {
    private let zeile: VorjahrZeile?
    private let vergleich: VorjahrVergleich?

    /// Whether there is a header but nothing to compare with (no data in the previous cohort).
    private let leer: Bool

    /// - Parameter ags: the area: Hessen in `bericht.md`, a Kreis on its county sheet.
    init(report: YearReport, ags: String = Land.key) {
        vergleich = report.vorjahr
        leer = !(report.vorjahr?.vorjahrHatDaten ?? true)
        zeile = leer ? nil : report.vorjahr?.zeile(ags: ags)
    }

    /// The extra header cells: `Vorjahr (30.09.2024)`, `Veränderung`.
    var header: [String] {
        guard let vergleich else { return [] }
        return ["\(vergleich.vorjahr) (zum \(vergleich.vorjahrStichtag.german))", "Veränderung"]
    }

    var alignments: [MarkdownTable.Alignment] { header.map { _ in .right } }
    /// Empty cells, for a key figure the comparison does not cover.
    var none: [String] { header.map { _ in "" } }

    var budgetVereinbart: [String] { money(\.budgetVereinbart) }
    var budgetAenderungen: [String] { money(\.budgetAenderungen) }
    var budget: [String] { money(\.budget) }
    var bewilligt: [String] { money(\.bewilligt) }
    var ausgegeben: [String] { money(\.ausgegeben) }
    var rest: [String] { money(\.rest) }

    var abfluss: [String] {
        guard let zeile else { return keine }
        let points = ChangeFormat.points(zeile.abflussPunkte)
        return [
            zeile.vorjahr?.abflussPromille.map(NumberFormat.percent) ?? MarkdownReport.dash,
            zeile.abflussPunkte.value == nil ? points : points + " Prozentpunkte",
        ]
    }

    var projekte: [String] {
        guard let zeile else { return keine }
        let change: Veraenderung<Int> = .count(
            zeile.vergleichsAktuell?.projekte, zeile.vergleichsVorjahr?.projekte, comparable: comparable)
        return [zeile.vorjahr.map { NumberFormat.count($0.projekte) } ?? MarkdownReport.dash, ChangeFormat.count(change)]
    }

    /// An area missing in a year has `–` there (nothing), not `*` (a withheld count).
    var teilnehmende: [String] { counts(zeile?.aktuell.map(\.teilnehmende), zeile?.vorjahr.map(\.teilnehmende)) }

    /// The cells of a row without a previous value: none without a comparison, `–` without data.
    private var keine: [String] { leer ? [MarkdownReport.dash, MarkdownReport.dash] : [] }

    private var comparable: Bool { zeile?.vergleichbarkeit.istVergleichbar ?? false }

    /// The previous value as published, and the change over what the changes compare (the
    /// Kreise of both years for an aggregate whose Kreise differ, `Vergleichsbasis`).
    private func money(_ path: KeyPath<Kennzahlen, Cents?>) -> [String] {
        guard let zeile else { return keine }
        let old = zeile.vorjahr?[keyPath: path]
        return [
            old.map(NumberFormat.euro) ?? MarkdownReport.dash,
            ChangeFormat.euro(zeile.money(path), percentOf: zeile.vergleichsVorjahr?[keyPath: path]),
        ]
    }

    private func money(_ path: KeyPath<Kennzahlen, Cents>) -> [String] {
        guard let zeile else { return keine }
        let old = zeile.vorjahr?[keyPath: path]
        return [
            old.map(NumberFormat.euro) ?? MarkdownReport.dash,
            ChangeFormat.euro(zeile.money(path), percentOf: zeile.vergleichsVorjahr?[keyPath: path]),
        ]
    }

    /// Below the key figures: what an aggregate's changes leave out; empty otherwise.
    var footnote: String {
        guard let zeile, zeile.basis != nil else { return "" }
        return "\nVeränderungen \(MarkdownTable.escape(zeile.vergleichbarkeit.grund)).\n"
    }

    /// Counts as published in their own year (`*` where suppressed); a change only of two published ones.
    private func counts(_ new: Int??, _ old: Int??) -> [String] {
        guard zeile != nil else { return keine }
        // Over what the changes compare; the shown values stay the area's own.
        let change: Veraenderung<Int> =
            zeile?.basis != nil
            ? zeile?.teilnehmende ?? .fehlt : .count(new ?? nil, old ?? nil, comparable: comparable, present: old != nil && new != nil)
        let shown = old.map { $0.map(NumberFormat.count) ?? Suppression.symbol } ?? MarkdownReport.dash
        return [shown, ChangeFormat.count(change)]
    }
}

/// `vorjahr.csv`: every area of either year beside the previous cohort at the same day one year
/// earlier, with the changes, in the dialect of the other CSV files.
///
/// Empty cell: nothing to compare (no Zielvereinbarung, an area missing in one year, a share of a
/// budget of 0, a change of an area that is not comparable: `vergleichbar` is `nein` and `grund`
/// says why). `*`: a count suppressed in its own year's pattern, or a change of such a count.
public struct VorjahrCSV {
    public let vergleich: VorjahrVergleich
    public let format: CSVFormat

    public init(vergleich: VorjahrVergleich, format: CSVFormat) {
        self.vergleich = vergleich
        self.format = format
    }

    public static let fileName = "vorjahr.csv"

    public static let header = [
        "ebene", "ags", "name", "vergleichbar", "grund",
        "budget_eur", "budget_vorjahr_eur", "budget_veraenderung_eur", "budget_veraenderung_prozent",
        "bewilligt_eur", "bewilligt_vorjahr_eur", "bewilligt_veraenderung_eur", "bewilligt_veraenderung_prozent",
        "ausgegeben_eur", "ausgegeben_vorjahr_eur", "ausgegeben_veraenderung_eur", "ausgegeben_veraenderung_prozent",
        "abfluss_prozent", "abfluss_vorjahr_prozent", "abfluss_veraenderung_prozentpunkte",
        "teilnehmende", "teilnehmende_vorjahr", "teilnehmende_veraenderung",
    ]

    public var table: CSVTable {
        var table = CSVTable(format: format, header: VorjahrCSV.header)
        for zeile in vergleich.zeilen {
            let a = zeile.aktuell
            let v = zeile.vorjahr
            var row = [
                zeile.area.ebene.rawValue, zeile.area.key, SpreadsheetText.neutralized(zeile.area.name),
                zeile.vergleichbarkeit.istVergleichbar ? "ja" : "nein", SpreadsheetText.neutralized(zeile.vergleichbarkeit.grund),
            ]
            row += money(a?.budget, v?.budget, zeile.budget, base: zeile.vergleichsVorjahr?.budget)
            row += money(a?.bewilligt, v?.bewilligt, zeile.bewilligt, base: zeile.vergleichsVorjahr?.bewilligt)
            row += money(a?.ausgegeben, v?.ausgegeben, zeile.ausgegeben, base: zeile.vergleichsVorjahr?.ausgegeben)
            row += [percent(a?.abflussPromille), percent(v?.abflussPromille), change(zeile.abflussPunkte) { percent($0) }]
            row += [count(a.map(\.teilnehmende)), count(v.map(\.teilnehmende)), change(zeile.teilnehmende) { String($0) }]
            table.append(row)
        }
        return table
    }

    public var bytes: [UInt8] { table.bytes }

    /// `base`: the previous value the change is taken from (the Kreise of both years, see
    /// `Vergleichsbasis`), for the percentage.
    private func money(_ new: Cents?, _ old: Cents?, _ change: Veraenderung<Cents>, base: Cents?) -> [String] {
        [amount(new), amount(old), self.change(change) { amount($0) }, percent(VorjahrZeile.prozent(change, of: base))]
    }

    private func amount(_ value: Cents?) -> String {
        value.map { NumberFormat.plain($0, decimalSeparator: format.decimalSeparator) } ?? ""
    }

    private func percent(_ tenths: Int?) -> String {
        tenths.map { NumberFormat.plainPercent($0, decimalSeparator: format.decimalSeparator) } ?? ""
    }

    /// A count as published: `*` for a suppressed one, empty for an area not in that year.
    private func count(_ value: Int??) -> String {
        switch value {
        case .none: ""
        case .some(.none): Suppression.symbol
        case .some(.some(let count)): String(count)
        }
    }

    private func change<Value>(_ change: Veraenderung<Value>, _ format: (Value) -> String) -> String {
        switch change {
        case .wert(let value): format(value)
        case .gesperrt: Suppression.symbol
        case .nichtVergleichbar, .fehlt: ""
        }
    }
}

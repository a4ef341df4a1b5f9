/// How a change between two reports is written: with its sign, and what stands in for a change
/// that cannot be shown.
///
/// `+21.749,40 € (+1,8 %)` reads as an increase at a glance; `*` is a change withheld because a
/// count behind it is; `nicht vergleichbar` where the areas differ; `–` where a value is missing.
enum ChangeFormat {
    static let nichtVergleichbar = "nicht vergleichbar"

    /// For reading (`bericht.md`).
    static func euro(_ change: Veraenderung<Cents>, percentOf old: Cents?) -> String {
        text(change) { value in
            let amount = (value > .zero ? "+" : "") + NumberFormat.euro(value)
            guard let tenths = VorjahrZeile.prozent(change, of: old) else { return amount }
            return amount + " (" + signedPercent(tenths) + ")"
        }
    }

    static func points(_ change: Veraenderung<Int>) -> String {
        text(change) { (($0 > 0 ? "+" : "") + NumberFormat.plainPercent($0, decimalSeparator: ",")) }
    }

    static func count(_ change: Veraenderung<Int>) -> String {
        text(change) { ($0 > 0 ? "+" : "") + NumberFormat.count($0) }
    }

    static func signedPercent(_ tenths: Int) -> String { (tenths > 0 ? "+" : "") + NumberFormat.percent(tenths) }

    private static func text<Value>(_ change: Veraenderung<Value>, _ format: (Value) -> String) -> String {
        switch change {
        case .wert(let value): format(value)
        case .gesperrt: Suppression.symbol
        case .nichtVergleichbar: nichtVergleichbar
        case .fehlt: MarkdownReport.dash
        }
    }
}

/// How numbers are written: plain for CSV, German for reading.
public enum NumberFormat {
    /// `-1234.56` / `-1234,56`: two decimals, no grouping, for machines and Excel's import.
    public static func plain(_ amount: Cents, decimalSeparator: String) -> String {
        let magnitude = amount.value.magnitude
        let cents = magnitude % 100
        return (amount.value < 0 ? "-" : "") + String(magnitude / 100) + decimalSeparator + (cents < 10 ? "0" : "")
            + String(cents)
    }

    /// Tenths of a percent as `62.3` / `62,3`.
    public static func plainPercent(_ tenths: Int, decimalSeparator: String) -> String {
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + decimalSeparator + String(magnitude % 10)
    }

    /// `1.234.567,89 €` with a no-break space before the sign, as German typography has it.
    public static func euro(_ amount: Cents) -> String {
        let magnitude = amount.value.magnitude
        let cents = magnitude % 100
        return (amount.value < 0 ? "-" : "") + grouped(magnitude / 100) + "," + (cents < 10 ? "0" : "") + String(cents)
            + "\u{00A0}€"
    }

    /// `62,3 %` with a no-break space.
    public static func percent(_ tenths: Int) -> String {
        plainPercent(tenths, decimalSeparator: ",") + "\u{00A0}%"
    }

    /// `12.345`: a count with German thousands separators.
    public static func count(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(UInt64(value.magnitude))
    }

    static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "." }
            result.append(digit)
        }
        return result
    }
}

/// Shares printed as percentages with one decimal.
///
/// Computed in integers, so the only rounding of the whole report is the one a reader sees.
public enum Percentage {
    /// `part ÷ whole × 100` in tenths of a percent, rounded half away from zero; `nil` when
    /// `whole` is zero or the result does not fit an `Int` (a budget of 0,01 € with spending
    /// near the limit of `Int64` cents: a data error, reported by `ReportBuilder`).
    public static func tenths(of part: Cents, per whole: Cents) -> Int? {
        guard whole != .zero else { return nil }
        let numerator = Int128(part.value) * 1000
        let denominator = Int128(whole.value)
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude
        let d = denominator.magnitude
        let rounded = (n * 2 + d) / (d * 2)
        return Int(exactly: negative ? -Int128(rounded) : Int128(rounded))
    }

    /// `part ÷ whole × 100` for counts (entries per planned place), as for amounts.
    public static func tenths(of part: Int, per whole: Int) -> Int? {
        tenths(of: Cents(Int64(part)), per: Cents(Int64(whole)))
    }
}

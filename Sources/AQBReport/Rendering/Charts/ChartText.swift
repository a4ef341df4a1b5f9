/// Number words for charts, in German form, computed in integers.
enum ChartText {
    /// `part ÷ whole` in tenths of a percent, rounded half up; `whole` must be positive.
    static func shareTenths(_ part: Int, of whole: Int) -> Int { (part * 2000 + whole) / (2 * whole) }

    /// `38,5 %`.
    static func percent(_ tenths: Int) -> String { NumberFormat.percent(tenths) }

    /// `20 %` for axis ticks in whole percent.
    static func tick(_ tenths: Int) -> String { NumberFormat.count(tenths / 10) + "\u{00A0}%" }
}

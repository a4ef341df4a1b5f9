/// One value of `werte.csv` with its unit and status: a number, or the reason there is none.
///
/// The status codes follow SDMX where it has one (`A` normal, `C` confidential as in
/// CONF_STATUS, `M` missing because the value cannot exist as in OBS_STATUS), so a reader never
/// has to guess why a cell is empty.
public struct Observation: Sendable, Equatable {
    public enum Unit: String, Sendable {
        case euro = "EUR"
        case percent = "PROZENT"
        case count = "ANZAHL"
    }

    public enum Status: String, Sendable, CaseIterable {
        /// A published value.
        case normal = "A"
        /// Withheld by disclosure control (`*` in the wide files).
        case confidential = "C"
        /// No Zielvereinbarung for the year: no budget, so no rest and no share either.
        case noZielvereinbarung = "M"
        /// A share of a budget of 0: there is a Zielvereinbarung, but nothing to divide by.
        case notComputable = "Z"
    }

    public let unit: Unit
    /// The number as written into the file: `1234.56`, `16.7`, `3`; empty without a value.
    public let text: String
    public let status: Status

    static func amount(_ value: Cents) -> Observation {
        Observation(unit: .euro, text: NumberFormat.plain(value, decimalSeparator: "."), status: .normal)
    }

    /// A budget figure, which exists only where there is a Zielvereinbarung.
    static func budget(_ value: Cents?) -> Observation {
        value.map(amount) ?? Observation(unit: .euro, text: "", status: .noZielvereinbarung)
    }

    static func share(_ tenths: Int?, hasBudget: Bool) -> Observation {
        guard let tenths else { return Observation(unit: .percent, text: "", status: hasBudget ? .notComputable : .noZielvereinbarung) }
        return Observation(unit: .percent, text: NumberFormat.plainPercent(tenths, decimalSeparator: "."), status: .normal)
    }

    /// A count; `nil` is a count disclosure control withholds.
    static func count(_ value: Int?) -> Observation {
        value.map { Observation(unit: .count, text: String($0), status: .normal) } ?? .confidential(.count)
    }

    static func confidential(_ unit: Unit) -> Observation { Observation(unit: unit, text: "", status: .confidential) }
}

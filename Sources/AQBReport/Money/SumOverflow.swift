/// A sum that left the range of `Int64` cents (about ±92 billiard euro) or of `Int` counts.
///
/// No real AQB figure comes near it, so reaching it means the data are wrong (a booking of
/// 999 999 999 999,99 € fifty thousand times). That is a data error the operator must see with
/// the area or project named, never a trap that ends the run without a word.
public struct SumOverflow: Error, Sendable {
    public init() {}
}

extension Cents {
    /// `self + other`, or `nil` when the sum leaves `Int64` cents.
    public func adding(_ other: Cents) -> Cents? {
        let (sum, overflow) = value.addingReportingOverflow(other.value)
        return overflow ? nil : Cents(sum)
    }

    /// `self - other`, or `nil` when the difference leaves `Int64` cents.
    public func subtracting(_ other: Cents) -> Cents? {
        let (difference, overflow) = value.subtractingReportingOverflow(other.value)
        return overflow ? nil : Cents(difference)
    }

    /// Whether `text` is a well-formed amount (`-?digits(.d{1,2})?`) that only fails to parse
    /// because it is beyond `Int64` cents: a sum gone wrong, not a schema problem.
    public static func isTooLarge(numericText text: String) -> Bool {
        let parts = (text.hasPrefix("-") ? text.dropFirst() : Substring(text)).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.count == 1 || (1...2).contains(parts[1].count)
        else { return false }
        return Cents(numericText: text) == nil
    }

    /// Adds `other` in place, throwing instead of trapping on overflow.
    public mutating func add(_ other: Cents) throws(SumOverflow) {
        guard let sum = adding(other) else { throw SumOverflow() }
        self = sum
    }
}

extension Int {
    /// Adds `other` in place, throwing instead of trapping on overflow.
    mutating func add(_ other: Int) throws(SumOverflow) {
        let (sum, overflow) = addingReportingOverflow(other)
        guard !overflow else { throw SumOverflow() }
        self = sum
    }
}

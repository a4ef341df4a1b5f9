/// An amount of money in euro cents.
///
/// Amounts never pass through binary floating point or `Decimal`: PostgreSQL sends NUMERIC as exact text,
/// which is parsed straight into an integer number of cents, and all arithmetic stays integer.
/// The operators trap on overflow (for constants and tests); sums of values read from the
/// database use the checked `adding`/`add` of `SumOverflow.swift`, which report a data error.
public struct Cents: Hashable, Comparable, Sendable {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    public static let zero = Cents(0)

    public static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value + rhs.value) }
    public static func - (lhs: Cents, rhs: Cents) -> Cents { Cents(lhs.value - rhs.value) }
    public static func += (lhs: inout Cents, rhs: Cents) { lhs.value += rhs.value }
    public static prefix func - (operand: Cents) -> Cents { Cents(-operand.value) }
}

extension Cents {
    /// Parses PostgreSQL's text form of a NUMERIC with at most two decimals (`-41.01`, `10.5`, `7`).
    ///
    /// The whole text must match; `NaN`, `Infinity`, exponents, a third decimal (`0.001`), blanks
    /// or any other character give `nil`, so a changed column type cannot silently lose cents.
    public init?(numericText text: some StringProtocol) {
        var utf8 = Array(text.utf8)
        let parsed = utf8.withUnsafeMutableBufferPointer { Cents.parse(UnsafeBufferPointer($0)) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// The fast path for result cells: parses the bytes libpq hands over without making a String.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Cents? {
        var index = 0
        let count = bytes.count
        var negative = false
        if count > 0, bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        var euros: Int64 = 0
        var integerDigits = 0
        while index < count, bytes[index] &- 48 < 10 {
            let (times10, o1) = euros.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(bytes[index] &- 48))
            if o1 || o2 { return nil }
            euros = sum
            integerDigits += 1
            index += 1
        }
        var fraction: Int64 = 0
        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, bytes[index] &- 48 < 10 {
                fractionDigits += 1
                if fractionDigits > 2 { return nil }
                fraction = fraction * 10 + Int64(bytes[index] &- 48)
                index += 1
            }
            if fractionDigits == 0 { return nil }
        }
        guard index == count, integerDigits > 0 else { return nil }
        if fractionDigits == 1 { fraction *= 10 }
        let (scaled, o3) = euros.multipliedReportingOverflow(by: 100)
        let (total, o4) = scaled.addingReportingOverflow(fraction)
        if o3 || o4 { return nil }
        return Cents(negative ? -total : total)
    }
}

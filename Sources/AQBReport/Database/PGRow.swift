import CLibPQ

/// One row of a text-format result, read without copying where it matters.
///
/// Values are read by column index; the query's column list and `PGResult.checkColumns` fix
/// what each index holds. Holds its result alive, so `query(…).row(0).string(0)` is safe.
public struct PGRow {
    private let owner: PGResult
    let row: Int32

    init(owner: PGResult, row: Int32) {
        self.owner = owner
        self.row = row
    }

    private var result: OpaquePointer { owner.handle }

    public func isNull(_ column: Int) -> Bool { PQgetisnull(result, row, Int32(column)) == 1 }

    /// The raw bytes of a value; empty for NULL.
    public func bytes(_ column: Int) -> UnsafeBufferPointer<UInt8> {
        let length = Int(PQgetlength(result, row, Int32(column)))
        guard let value = PQgetvalue(result, row, Int32(column)) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// A text value; `nil` for NULL.
    public func string(_ column: Int) -> String? {
        if isNull(column) { return nil }
        return String(decoding: bytes(column), as: UTF8.self)
    }

    /// A value that may not be NULL, or a clear error naming the column.
    public func requiredString(_ column: Int) throws(PGError) -> String {
        guard let value = string(column) else { throw nullError(column) }
        return value
    }

    /// An integer (int4/int8) that may not be NULL.
    public func int(_ column: Int) throws(PGError) -> Int {
        let raw = bytes(column)
        var value = 0
        var negative = false
        var index = 0
        if raw.count > 0, raw[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard !isNull(column), index < raw.count else { throw nullError(column) }
        while index < raw.count {
            let digit = raw[index] &- 48
            guard digit < 10 else { throw badValue(column, "an integer") }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(digit))
            guard !o1, !o2 else { throw badValue(column, "an integer") }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// A NUMERIC amount in euros, parsed strictly into cents; may not be NULL.
    public func cents(_ column: Int) throws(PGError) -> Cents {
        guard !isNull(column) else { throw nullError(column) }
        guard let cents = Cents.parse(bytes(column)) else { throw badValue(column, "an amount with at most two decimals") }
        return cents
    }

    /// A `date` column as a calendar date; `nil` for NULL.
    public func date(_ column: Int) throws(PGError) -> CalendarDate? {
        guard let text = string(column) else { return nil }
        guard let date = CalendarDate(iso: text) else { throw badValue(column, "an ISO date") }
        return date
    }

    /// The column's name as the query spells it, for messages.
    public func columnName(_ column: Int) -> String { String(cString: PQfname(result, Int32(column))) }

    private func nullError(_ column: Int) -> PGError {
        PGError(kind: .unexpectedResult, message: "column \(columnName(column)) is NULL where a value is required")
    }

    private func badValue(_ column: Int, _ expected: String) -> PGError {
        PGError(
            kind: .unexpectedResult,
            message: "column \(columnName(column)) holds '\(string(column) ?? "")', expected \(expected)")
    }
}

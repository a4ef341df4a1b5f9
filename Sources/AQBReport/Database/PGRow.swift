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

    /// Lends the raw bytes of a value (empty for NULL) to `body`, and keeps the result alive
    /// while it runs.
    ///
    /// Why a closure: the bytes live inside the `PGresult`. A pointer handed out would outlive
    /// the result as soon as the last `PGRow` of a temporary result went away
    /// (`query(…).row(0).bytes(0)`), and then point into freed memory.
    func withBytes<R, E: Error>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(owner) {} }
        let length = Int(PQgetlength(result, row, Int32(column)))
        guard let value = PQgetvalue(result, row, Int32(column)) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: length))
    }

    /// A text value; `nil` for NULL.
    public func string(_ column: Int) -> String? {
        if isNull(column) { return nil }
        return withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    /// A value that may not be NULL, or a clear error naming the column.
    public func requiredString(_ column: Int) throws(PGError) -> String {
        guard let value = string(column) else { throw nullError(column) }
        return value
    }

    /// An integer (int4/int8) that may not be NULL.
    public func int(_ column: Int) throws(PGError) -> Int {
        guard !isNull(column) else { throw nullError(column) }
        let parsed = withBytes(column) { PGRow.parseInt($0) }
        guard let parsed else { throw badValue(column, "an integer") }
        return parsed
    }

    /// Parses `-?[0-9]+` into an `Int`; `nil` for anything else or on overflow.
    static func parseInt(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        var negative = false
        var index = 0
        if raw.count > 0, raw[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        guard index < raw.count else { return nil }
        while index < raw.count {
            let digit = raw[index] &- 48
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(digit))
            guard !o1, !o2 else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// A NUMERIC amount in euros, parsed strictly into cents; may not be NULL.
    public func cents(_ column: Int) throws(PGError) -> Cents {
        guard !isNull(column) else { throw nullError(column) }
        guard let cents = withBytes(column, { Cents.parse($0) }) else { throw badValue(column, "an amount with at most two decimals") }
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

import CLibPQ

/// Owns one `PGresult` and clears it in `deinit`, on every path.
public final class PGResult {
    let handle: OpaquePointer

    /// Takes ownership of what `PQexec`/`PQexecParams` returned; a NULL result means libpq ran
    /// out of memory or lost the connection.
    init(owning result: OpaquePointer?, connection: OpaquePointer) throws(PGError) {
        guard let result else {
            throw PGError(kind: .connection, message: PGConnection.trimmed(PQerrorMessage(connection)))
        }
        handle = result
    }

    init(adopting result: OpaquePointer) { handle = result }

    deinit { PQclear(handle) }

    public var rowCount: Int { Int(PQntuples(handle)) }
    public var columnCount: Int { Int(PQnfields(handle)) }

    /// A row of this result (which it keeps alive).
    public func row(_ index: Int) -> PGRow { PGRow(owner: self, row: Int32(index)) }

    func expect(_ statuses: ExecStatusType...) throws(PGError) {
        guard statuses.contains(PQresultStatus(handle)) else { throw error(connection: nil) }
    }

    /// Checks the column count and types against what the query promised.
    public func checkColumns(_ expected: [PGType]) throws(PGError) {
        let count = Int(PQnfields(handle))
        guard count == expected.count else {
            throw PGError(kind: .unexpectedResult, message: "query returned \(count) columns, expected \(expected.count)")
        }
        for (index, type) in expected.enumerated() where PQftype(handle, Int32(index)) != type.rawValue {
            let name = String(cString: PQfname(handle, Int32(index)))
            throw PGError(
                kind: .unexpectedResult,
                message: "column \(name) has type OID \(PQftype(handle, Int32(index))), expected \(type)")
        }
    }

    /// The server's error with SQLSTATE, message, detail and hint, copied out before the clear.
    func error(connection: OpaquePointer?) -> PGError {
        func field(_ code: Int32) -> String? {
            guard let value = PQresultErrorField(handle, code) else { return nil }
            return String(cString: value)
        }
        let sqlState = field(AQB_PG_DIAG_SQLSTATE)
        let message =
            field(AQB_PG_DIAG_MESSAGE_PRIMARY)
            ?? connection.map { PGConnection.trimmed(PQerrorMessage($0)) }
            ?? PGConnection.trimmed(PQresultErrorMessage(handle))
        let kind: PGError.Kind = sqlState == nil ? .connection : .query
        return PGError(
            kind: kind, sqlState: sqlState, message: message,
            detail: field(AQB_PG_DIAG_MESSAGE_DETAIL), hint: field(AQB_PG_DIAG_MESSAGE_HINT))
    }
}

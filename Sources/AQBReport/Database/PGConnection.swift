import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libpq connection, owned for its whole life: `PQfinish` runs in `deinit`, also after a
/// failed connect.
///
/// The connection string is handed to libpq unchanged (`expand_dbname`), so a keyword/value
/// string, a `postgresql://` URI, the `PG*` variables, `~/.pgpass`, service files and `sslmode`
/// behave exactly as they do for `psql`. The session is pinned to UTF-8, ISO dates and the
/// Europe/Berlin zone so that no value is shifted or re-encoded on its way to us.
///
/// Not `Sendable`: a connection is used from one task only.
public final class PGConnection {
    private let handle: OpaquePointer

    /// Connects; throws a `PGError` of kind `.connection` carrying libpq's message.
    public init(conninfo: String, applicationName: String = "aqb-report") throws(PGError) {
        // Later entries override what the expanded connection string says; encoding must win.
        let keywords = ["dbname", "fallback_application_name", "client_encoding"]
        let values = [conninfo, applicationName, "UTF8"]
        let connection = PGConnection.withCStringArray(keywords) { keywordPointers in
            PGConnection.withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PGError(kind: .connection, message: "libpq could not allocate a connection")
        }
        handle = connection
        guard PQstatus(handle) == CONNECTION_OK else {
            throw PGError(kind: .connection, message: PGConnection.trimmed(PQerrorMessage(handle)))
        }
        try execute("SET DateStyle = 'ISO'; SET TimeZone = 'Europe/Berlin'; SET IntervalStyle = 'iso_8601'")
    }

    deinit { PQfinish(handle) }

    /// The server's version as libpq reports it, e.g. 150018 for 15.18.
    public var serverVersion: Int { Int(PQserverVersion(handle)) }

    /// Runs statements without parameters and without rows (SET, BEGIN, COMMIT).
    public func execute(_ sql: String) throws(PGError) {
        let result = PQexec(handle, sql)
        try PGResult(owning: result, connection: handle).expect(PGRES_COMMAND_OK, PGRES_TUPLES_OK)
    }

    /// Runs one parameterized query and returns its whole result; for small results only.
    public func query(_ sql: String, _ parameters: [String?] = []) throws(PGError) -> PGResult {
        let raw = PGConnection.withParameters(parameters) { count, pointers in
            PQexecParams(handle, sql, count, nil, pointers, nil, nil, 0)
        }
        let result = try PGResult(owning: raw, connection: handle)
        try result.expect(PGRES_TUPLES_OK, PGRES_COMMAND_OK)
        return result
    }

    /// Runs one parameterized query in single-row mode and hands each row to `body` as it arrives,
    /// so memory stays independent of the number of rows.
    ///
    /// The result is drained to its end even when `body` throws, so the connection stays usable.
    public func stream(
        _ sql: String, _ parameters: [String?] = [], columns: [PGType],
        _ body: (PGRow) throws -> Void
    ) throws {
        let sent = PGConnection.withParameters(parameters) { count, pointers in
            PQsendQueryParams(handle, sql, count, nil, pointers, nil, nil, 0)
        }
        guard sent == 1 else {
            throw PGError(kind: .connection, message: PGConnection.trimmed(PQerrorMessage(handle)))
        }
        PQsetSingleRowMode(handle)
        var failure: (any Error)?
        var checkedTypes = false
        while let raw = PQgetResult(handle) {
            let result = PGResult(adopting: raw)
            guard failure == nil else { continue }
            switch PQresultStatus(raw) {
            case PGRES_SINGLE_TUPLE:
                do {
                    if !checkedTypes {
                        try result.checkColumns(columns)
                        checkedTypes = true
                    }
                    try body(PGRow(owner: result, row: 0))
                } catch {
                    failure = error
                }
            case PGRES_TUPLES_OK:
                if !checkedTypes, PQnfields(raw) > 0 {
                    do { try result.checkColumns(columns) } catch { failure = error }
                }
            default:
                failure = result.error(connection: handle)
            }
        }
        if let failure { throw failure }
    }

    static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown libpq error" }
        let text = String(cString: message)
        let trimmed = text.split(separator: "\n").joined(separator: "; ")
        return trimmed.isEmpty ? "unknown libpq error" : trimmed
    }

    private static func withCStringArray<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        let duplicates = strings.map { strdup($0) }
        defer { duplicates.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = duplicates.map { UnsafePointer($0) }
        pointers.append(nil)
        return pointers.withUnsafeBufferPointer { buffer in
            body(buffer.baseAddress)
        }
    }

    private static func withParameters<R>(
        _ parameters: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> R
    ) -> R {
        let duplicates = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { duplicates.forEach { free($0) } }
        let pointers: [UnsafePointer<CChar>?] = duplicates.map { $0.map { UnsafePointer($0) } }
        return pointers.withUnsafeBufferPointer { buffer in
            body(Int32(parameters.count), parameters.isEmpty ? nil : buffer.baseAddress)
        }
    }
}

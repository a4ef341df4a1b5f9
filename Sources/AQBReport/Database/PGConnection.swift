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

    /// Connects; throws a `PGError` of kind `.connection` carrying libpq's message, its SQLSTATE
    /// when the server sent one, and a `ConnectionFailure` that says whether to try again.
    ///
    /// Connects with `PQconnectStartParams` and `PQconnectPoll`, so that the phase a failure
    /// happened in (TLS, authentication) is known; messages are verbose during the connect so
    /// that the server's SQLSTATE is in them. `connect_timeout` (which libpq leaves to the caller
    /// in this mode) is enforced here, per wait for the server.
    public init(conninfo: String, applicationName: String = "aqb-report") throws(PGError) {
        // Later entries override what the expanded connection string says; encoding must win.
        let keywords = ["dbname", "fallback_application_name", "client_encoding"]
        let values = [conninfo, applicationName, "UTF8"]
        let connection = PGConnection.withCStringArray(keywords) { keywordPointers in
            PGConnection.withCStringArray(values) { valuePointers in
                PQconnectStartParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PGError(kind: .connection, message: "libpq could not allocate a connection")
        }
        handle = connection
        PQsetErrorVerbosity(handle, PQERRORS_VERBOSE)
        // A connection string libpq cannot parse fails at once; so does a socket that is not there.
        let parseable = ConnectionString.secretValues(conninfo) != nil
        try PGConnection.complete(handle, refusedOptions: !parseable)
        PQsetErrorVerbosity(handle, PQERRORS_DEFAULT)
        try execute("SET DateStyle = 'ISO'; SET TimeZone = 'Europe/Berlin'; SET IntervalStyle = 'iso_8601'")
    }

    /// Drives `PQconnectPoll` to the end, remembering the phase each step started in.
    private static func complete(_ handle: OpaquePointer, refusedOptions: Bool) throws(PGError) {
        let timeoutMs = connectTimeoutMs(handle)
        var phase = PQstatus(handle)
        var polling = phase == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING
        while polling != PGRES_POLLING_OK && polling != PGRES_POLLING_FAILED {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(polling == PGRES_POLLING_READING ? POLLIN : POLLOUT), revents: 0)
            let ready = poll(&descriptor, 1, timeoutMs)
            if ready < 0, errno == EINTR { continue }
            if ready == 0 {
                throw PGError(
                    kind: .connection, message: "timeout expired after \(timeoutMs / 1000) s (connect_timeout)",
                    connectionFailure: ConnectionFailure(phase: .reaching))
            }
            phase = PQstatus(handle)
            polling = PQconnectPoll(handle)
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let verbose = PQerrorMessage(handle).map { String(cString: $0) } ?? ""
            let sqlState = ConnectionFailure.sqlState(inVerboseMessage: verbose)
            let failurePhase: ConnectionFailure.Phase =
                if refusedOptions { .options } else {
                    switch phase {
                    case CONNECTION_SSL_STARTUP, CONNECTION_GSS_STARTUP: .tls
                    case CONNECTION_STARTED, CONNECTION_MADE, CONNECTION_BAD: sqlState == nil ? .reaching : .startup
                    default: .startup
                    }
                }
            throw PGError(
                kind: .connection, sqlState: sqlState, message: ConnectionFailure.readable(verbose, sqlState: sqlState),
                connectionFailure: ConnectionFailure(
                    phase: failurePhase, neededPassword: PQconnectionNeedsPassword(handle) == 1,
                    usedPassword: PQconnectionUsedPassword(handle) == 1))
        }
    }

    /// The effective `connect_timeout` in milliseconds (libpq's rule: below 2 s counts as 2 s);
    /// -1 (wait as long as the system does) when none is set.
    private static func connectTimeoutMs(_ handle: OpaquePointer) -> Int32 {
        guard let options = PQconninfo(handle) else { return -1 }
        defer { PQconninfoFree(options) }
        var index = 0
        while let keyword = options[index].keyword {
            defer { index += 1 }
            guard String(cString: keyword) == "connect_timeout", let value = options[index].val,
                let seconds = Int32(String(cString: value).trimmingWhitespace), seconds > 0
            else { continue }
            return max(seconds, 2).multipliedReportingOverflow(by: 1000).overflow ? Int32.max : max(seconds, 2) * 1000
        }
        return -1
    }

    deinit { PQfinish(handle) }

    /// A canceller for the queries of this connection, for a signal handler on another thread.
    public func makeCanceller() -> PGCanceller? { PGCanceller(connection: handle) }

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
    /// If libpq refuses single-row mode, the query fails rather than silently reading everything
    /// into memory; rows arriving in one final result (`singleRowMode: false`, for tests) are
    /// all handed to `body`, never dropped.
    public func stream(
        _ sql: String, _ parameters: [String?] = [], columns: [PGType], singleRowMode: Bool = true,
        _ body: (PGRow) throws -> Void
    ) throws {
        let sent = PGConnection.withParameters(parameters) { count, pointers in
            PQsendQueryParams(handle, sql, count, nil, pointers, nil, nil, 0)
        }
        guard sent == 1 else {
            throw PGError(kind: .connection, message: PGConnection.trimmed(PQerrorMessage(handle)))
        }
        var failure: (any Error)?
        if singleRowMode, PQsetSingleRowMode(handle) != 1 {
            failure = PGError(kind: .connection, message: "libpq refused single-row mode for the query")
        }
        var checkedTypes = false
        while let raw = PQgetResult(handle) {
            let result = PGResult(adopting: raw)
            guard failure == nil else { continue }
            switch PQresultStatus(raw) {
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK:
                do {
                    if !checkedTypes, PQnfields(raw) > 0 {
                        try result.checkColumns(columns)
                        checkedTypes = true
                    }
                    for index in 0..<result.rowCount { try body(PGRow(owner: result, row: Int32(index))) }
                } catch {
                    failure = error
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

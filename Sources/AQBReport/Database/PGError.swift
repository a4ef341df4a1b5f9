/// A failure reported by libpq or by the server, with the server's own words.
///
/// The SQLSTATE decides how the command line reacts (class `08` connection and `28`
/// authentication mean the database is unavailable, `42` means the schema is not what the report
/// expects). libpq does echo a connection string it cannot parse: errors of connecting are
/// passed through `masked(conninfo:)` before anyone sees them.
public struct PGError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Connecting or authenticating failed, or the connection broke.
        case connection
        /// The server rejected a statement.
        case query
        /// The result did not have the shape the query promised (a column type, a NULL).
        case unexpectedResult
    }

    public var kind: Kind
    /// Five-character SQLSTATE, when the server sent one.
    public var sqlState: String?
    public var message: String
    public var detail: String?
    public var hint: String?
    /// For a failed connect: how it failed, and so whether to try again.
    public var connectionFailure: ConnectionFailure?

    public init(
        kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil, hint: String? = nil,
        connectionFailure: ConnectionFailure? = nil
    ) {
        self.kind = kind
        self.connectionFailure = connectionFailure
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.hint = hint
    }

    public var description: String {
        var text = message
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let detail, !detail.isEmpty { text += "; \(detail)" }
        if let hint, !hint.isEmpty { text += "; hint: \(hint)" }
        return text
    }

    /// This error with every secret of `conninfo` masked in its texts: libpq quotes a connection
    /// string it cannot parse, password included.
    public func masked(conninfo: String) -> PGError {
        var copy = self
        copy.message = ConnectionString.masked(message, conninfo: conninfo)
        copy.detail = detail.map { ConnectionString.masked($0, conninfo: conninfo) }
        copy.hint = hint.map { ConnectionString.masked($0, conninfo: conninfo) }
        return copy
    }

    /// True when the database could not be reached or refused us: connection or authentication.
    public var isUnavailable: Bool {
        if kind == .connection { return true }
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || sqlState.hasPrefix("28") || sqlState.hasPrefix("57P")
            || sqlState == "3D000"
    }
}

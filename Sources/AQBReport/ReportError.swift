/// A failure the operator can act on: one line saying what is wrong and what to do, and the exit
/// status cron and monitoring see (the README's table).
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// Exit statuses after BSD's sysexits.h, which cron wrappers and monitoring know.
    public enum Status: Int32, Sendable {
        /// Bad flag or value, or a Stichtag before the year.
        case usage = 64
        /// Data the report cannot interpret: missing schema or table, a code missing from a reference table.
        case dataError = 65
        /// The database is unreachable or refused the login.
        case unavailable = 69
        /// A bug or anything unforeseen.
        case software = 70
        /// The output cannot be written.
        case cantCreate = 73
        /// A table lock or a statement took longer than `lock_timeout_ms` / `statement_timeout_ms`.
        case timeout = 76
        /// The database role lacks a privilege the report needs (SELECT on a table, CONNECT).
        case noPermission = 77
        /// Another run holds the lock.
        case locked = 75
        /// The configuration is invalid.
        case config = 78
        /// The report was written, but its mail was not sent as configured (`Mail/`). Outside
        /// sysexits' range on purpose: every sysexits status means nothing was done.
        case mailNotSent = 79
    }

    public let status: Status
    public let message: String

    public init(_ status: Status, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// Maps a database failure: missing privilege → 77, a timeout → 76, unreachable/authentication
    /// → 69, missing schema/table → 65, else 70.
    public static func database(_ error: PGError) -> ReportError {
        if error.sqlState == "42501" {
            return ReportError(
                .noPermission,
                "the database role lacks a privilege the report needs: \(error.description). Grant it as sql/roles/ does (SELECT on the aqb tables, CONNECT on the database); the schema itself is fine."
            )
        }
        if let state = error.sqlState, ["55P03", "57014", "25P03"].contains(state) {
            return ReportError(
                .timeout,
                "the database did not answer in time: \(error.description). Another session held a table lock longer than lock_timeout_ms, or a query ran longer than statement_timeout_ms; find it in pg_stat_activity, or raise the limit."
            )
        }
        if error.isUnavailable {
            return ReportError(
                .unavailable,
                "cannot reach the database: \(error.description) — check --db / PGHOST, PGPORT, PGDATABASE, ~/.pgpass and that the server is running."
            )
        }
        if let state = error.sqlState, state.hasPrefix("42") || state == "3F000" {
            return ReportError(
                .dataError,
                "the database does not have the AQB schema the report expects: \(error.description). Apply sql/schema/ (see README) or point --db at the AQB database."
            )
        }
        if error.kind == .unexpectedResult {
            return ReportError(.dataError, "unexpected data from the database: \(error.description). Check the schema against sql/schema/.")
        }
        return ReportError(.software, "database error: \(error.description)")
    }
}

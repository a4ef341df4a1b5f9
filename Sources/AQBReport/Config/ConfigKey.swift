/// Every setting of `aqb-report`, with its names in the configuration file, the environment and
/// on the command line. One table, so the three sources cannot drift apart and the README's
/// table is this list.
public enum ConfigKey: String, CaseIterable, Sendable {
    case db
    case out
    case years
    case csvFormat = "csv_format"
    case disclosureControl = "disclosure_control"
    case logLevel = "log_level"
    case statementTimeoutMs = "statement_timeout_ms"
    case lockTimeoutMs = "lock_timeout_ms"
    case idleInTransactionTimeoutMs = "idle_in_transaction_timeout_ms"
    case applicationName = "application_name"
    case connectAttempts = "connect_attempts"
    case connectBackoffMs = "connect_backoff_ms"
    case keep
    case maxBookingAgeDays = "max_booking_age_days"
    case staleIsError = "stale_is_error"
    case metricsFile = "metrics_file"

    /// The kinds of value a key takes, with what is valid.
    public enum Kind: Sendable {
        case text
        case integer(minimum: Int)
        case boolean
        case choice([String])
        case years
    }

    public var kind: Kind {
        switch self {
        case .db, .out, .applicationName, .metricsFile: .text
        case .years: .years
        case .csvFormat: .choice(CSVFormat.allCases.map(\.rawValue))
        case .logLevel: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"])
        case .disclosureControl, .staleIsError: .boolean
        case .statementTimeoutMs, .lockTimeoutMs, .idleInTransactionTimeoutMs, .connectBackoffMs, .maxBookingAgeDays:
            .integer(minimum: 0)
        case .connectAttempts, .keep: .integer(minimum: 1)
        }
    }

    /// `AQB_CSV_FORMAT` for `csv_format`.
    public var environmentName: String { "AQB_" + rawValue.uppercased() }
}

/// Every setting of `aqb-report`, with its names in the configuration file, the environment and
/// on the command line. One table, so the three sources cannot drift apart and the README's
/// table is this list.
public enum ConfigKey: String, CaseIterable, Sendable {
    case db
    case out
    case years
    case csvFormat = "csv_format"
    case formats
    case disclosureControl = "disclosure_control"
    case logLevel = "log_level"
    case statementTimeoutMs = "statement_timeout_ms"
    case lockTimeoutMs = "lock_timeout_ms"
    case idleInTransactionTimeoutMs = "idle_in_transaction_timeout_ms"
    case applicationName = "application_name"
    case connectAttempts = "connect_attempts"
    case connectBackoffMs = "connect_backoff_ms"
    case dbSessions = "db_sessions"
    case keep
    case maxBookingAgeDays = "max_booking_age_days"
    case staleIsError = "stale_is_error"
    case metricsFile = "metrics_file"
    case proRataMargin = "pro_rata_margin"
    case countDay = "count_day"
    // The morning mail and the failure alert (`Mail/`).
    case mailTo = "mail_to"
    case alertTo = "alert_to"
    case mailFrom = "mail_from"
    case sendmail
    case mailAttachments = "mail_attachments"
    case mailMaxBytes = "mail_max_bytes"
    case mailInternal = "mail_internal"
    case mailKreise = "mail_kreise"
    case mailLinkBase = "mail_link_base"

    /// The kinds of value a key takes, with what is valid.
    public enum Kind: Sendable {
        case text
        /// A whole number in `minimum...maximum`.
        case integer(minimum: Int, maximum: Int)
        case boolean
        case choice([String])
        case years
        /// A non-empty list of names from `choices`, comma-separated (or a YAML sequence).
        case list([String])
        /// A non-empty list of official Kreis keys (five digits, `06634`), comma-separated.
        case areaKeys
    }

    public var kind: Kind {
        switch self {
        case .db, .out, .applicationName, .metricsFile: .text
        case .years: .years
        case .formats: .list(ReportRenderers.names)
        case .csvFormat: .choice(CSVFormat.allCases.map(\.rawValue))
        case .logLevel: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"])
        case .disclosureControl, .staleIsError: .boolean
        // PostgreSQL takes at most 2^31-1 ms for its timeouts; a larger value failed on the
        // server (status 70) instead of in the configuration (78).
        case .statementTimeoutMs, .lockTimeoutMs, .idleInTransactionTimeoutMs: .integer(minimum: 0, maximum: Int(Int32.max))
        case .connectBackoffMs: .integer(minimum: 0, maximum: DatabaseSession.maximumBackoffMs)
        case .maxBookingAgeDays: .integer(minimum: 0, maximum: 3_660_000)
        case .connectAttempts: .integer(minimum: 1, maximum: 100)
        // The main session and at most one more on its snapshot (`SecondSession`).
        case .dbSessions: .integer(minimum: 1, maximum: 2)
        case .keep: .integer(minimum: 1, maximum: Int(Int32.max))
        case .proRataMargin: .integer(minimum: 0, maximum: 100)
        case .countDay: .choice(ZaehltagRule.allCases.map(\.rawValue))
        // Addresses are text here and checked when the mail leaves: a bad one costs the mail
        // (status 79), not the night's report.
        case .mailTo, .alertTo, .mailFrom, .sendmail: .text
        case .mailAttachments: .list(MailSettings.attachmentChoices)
        case .mailMaxBytes: .integer(minimum: 10_000, maximum: 1_000_000_000)
        case .mailInternal: .boolean
        case .mailKreise: .areaKeys
        case .mailLinkBase: .text
        }
    }

    /// `AQB_CSV_FORMAT` for `csv_format`.
    public var environmentName: String { "AQB_" + rawValue.uppercased() }
}

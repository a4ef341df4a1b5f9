/// Everything one run needs to know, after command line, environment and configuration file have
/// been merged.
public struct ReportRequest: Sendable {
    /// AQB years (cohorts) to report, each into its own folder; all read from one snapshot.
    public var years: [Int]
    public var asOf: CalendarDate
    /// The output base; each year goes to `<outputBase>/<year>/<asOf>/`.
    public var outputBase: String
    public var csvFormat: CSVFormat = .de
    /// The formats to write (`ReportRenderers.names`); `nil`: all of them.
    public var formats: [String]?
    public var disclosureControl = true
    /// A libpq connection string or URI; empty: libpq's defaults (`PG*` variables, service file).
    public var conninfo = ""
    public var session = SessionSettings()
    /// Connection attempts before giving up with status 69 (1: no retry).
    public var connectAttempts = 3
    /// Wait before the first retry, doubled each time, in milliseconds.
    public var connectBackoffMs = 2_000
    /// Database sessions a run may use (`db_sessions`): with 2, a second session on the same
    /// snapshot reads the next year (or the previous cohort) while the current one is rendered;
    /// 1 reads everything in the one session that also holds the run's lock.
    public var databaseSessions = 2
    /// Keep only the newest N report folders per year (`nil`: keep all).
    public var keep: Int?
    /// Newest booking older than this many days at the Stichtag: stale feed warning.
    public var maxBookingAgeDays: Int?
    /// Whether a stale feed ends the run with status 65 (after writing the report).
    public var staleIsError = false
    /// Finding ABFLUSS_UNTER_ZEITANTEIL: how far, in percentage points of the budget, spending may
    /// lie below the pro-rata line before it is a finding. 50 by default: a cohort's projects run
    /// for up to three years, so its first calendar year spends well under a linear share, and
    /// only a Kreis far behind that is worth a question.
    public var proRataMargin = 50
    /// Which day the counts of people are for (`count_day`): by default the last month-end on or
    /// before the Stichtag, so the nights of a month publish one count table.
    public var zaehltagRule = ZaehltagRule.monthEnd
    /// The counting day of this run's counts of people.
    public var zaehltag: CalendarDate { zaehltagRule.zaehltag(for: asOf) }

    public init(years: [Int], asOf: CalendarDate, outputBase: String) {
        self.years = years
        self.asOf = asOf
        self.outputBase = outputBase
    }

    /// Rejects requests that cannot make sense, before any connection is made.
    public func validate() throws(ReportError) {
        guard !years.isEmpty else { throw ReportError(.usage, "no AQB year given; pass --year YYYY.") }
        for year in years where !(1900...9999).contains(year) {
            throw ReportError(.usage, "--year \(year) is not a plausible AQB year; pass a four-digit year such as 2025.")
        }
        for year in years where asOf.year < year {
            throw ReportError(
                .usage, "the Stichtag \(asOf) lies before 1 January \(year); pass --as-of \(year)-01-01 or later, or an earlier --year.")
        }
        if let keep, keep < 1 { throw ReportError(.usage, "--keep \(keep) must be at least 1.") }
    }
}

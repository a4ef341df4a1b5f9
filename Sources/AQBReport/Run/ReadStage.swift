import Logging

/// The first stage: reads one AQB year, its findings and the previous cohort, in the run's one
/// snapshot. The only place a run reads report data from the database (`ReportQueries`,
/// `FindingQuery`).
///
/// Why the transaction stays open between the years: each year is disclosed, rendered and staged
/// before the next one is read, so memory holds one cohort instead of all of them, and every
/// year still sees the same data (REPEATABLE READ, `DatabaseSession.begin`). The transaction
/// ends as soon as the last year is read (`finish`), so a run of one year holds its snapshot no
/// longer than before. Between two years the session is idle inside the transaction while the
/// run computes (`holdOpen`).
struct ReadStage {
    private let connection: PGConnection
    private let request: ReportRequest
    private let logger: Logger
    /// The snapshot's time, server version and newest booking, read first.
    let snapshot: Snapshot

    /// Begins the run's transaction and reads the facts of its snapshot.
    init(connection: PGConnection, request: ReportRequest, logger: Logger) throws(ReportError) {
        self.connection = connection
        self.request = request
        self.logger = logger
        snapshot = try ReadStage.reading {
            try DatabaseSession.begin(connection)
            return try Snapshot.read(connection)
        }
    }

    /// Reads AQB year `year` at the request's Stichtag, with its findings, and the previous
    /// cohort when the run compares with it.
    func read(year: Int) throws(ReportError) -> ReadYear {
        try ReadStage.reading {
            logger.info("reading AQB year \(year) at Stichtag \(request.asOf)")
            let queries = ReportQueries(connection: connection, logger: logger)
            let (report, rows) = try FindingQuery(connection: connection).report(
                queries: queries, year: year, asOf: request.asOf, zaehltag: request.zaehltag,
                proRataMargin: request.proRataMargin, logger: logger)
            // The previous cohort for the comparison, in the same snapshot (VorjahrVergleich).
            var previous: YearReport?
            if ComparisonStep.readsPreviousYear(request) {
                let asOf = request.asOf.sameDayOneYearEarlier
                previous = try queries.previousCohort(year: year - 1, asOf: asOf, zaehltag: request.zaehltagRule.zaehltag(for: asOf))
            }
            return ReadYear(report: report, rows: rows, previous: previous)
        }
    }

    /// Lifts the server's idle-in-transaction timeout for the rest of the transaction, before a
    /// year that is not the last is disclosed and rendered. The timeout guards against a client
    /// that hangs while it reads; between two years this one computes, and the first night of a
    /// counting day late in a cohort year can take minutes of disclosure control (BENCHMARKS.md,
    /// issue 15), which the default 5 minutes would turn into a failed run of every year. A stop
    /// signal still ends the run, and the statement timeout still bounds every query.
    func holdOpen() throws(ReportError) {
        try ReadStage.reading { try connection.execute("SET LOCAL idle_in_transaction_session_timeout = 0") }
    }

    /// Ends the transaction once the last year is read.
    func finish() throws(ReportError) {
        try ReadStage.reading { try connection.execute("COMMIT") }
    }

    /// A database error keeps the server's words (`ReportError.database`); anything else that is
    /// not a `ReportError` is a bug.
    private static func reading<T>(_ body: () throws -> T) throws(ReportError) -> T {
        do {
            return try body()
        } catch let error as ReportError {
            throw error
        } catch let error as PGError {
            throw ReportError.database(error)
        } catch {
            throw ReportError(.software, "unexpected failure while reading: \(error)")
        }
    }
}

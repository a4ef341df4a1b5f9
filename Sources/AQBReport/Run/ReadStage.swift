import Logging

/// The first stage: reads one AQB year, its findings and the previous cohort, in the run's one
/// snapshot. The only place a run reads report data from the database (`ReportQueries`,
/// `FindingQuery`).
///
/// Why the transaction stays open between the years: each year is disclosed, rendered and staged
/// while at most the next one is read, so memory holds two cohorts instead of all of them, and
/// every year still sees the same data (REPEATABLE READ, `DatabaseSession.begin`). With a second
/// session (`SecondSession`) the snapshot is exported to it and the later years are read there,
/// in parallel with the rendering; without, everything is read here. Each transaction ends as
/// soon as its session's last read is done (`finish`). Between two years a session is idle
/// inside its transaction while the run computes (`holdOpen`, `SecondSession.importSnapshot`).
final class ReadStage {
    private let connection: PGConnection
    private let request: ReportRequest
    private let logger: Logger
    /// The years of the run in the order they are read.
    private let order: [Int]
    /// The second session, when the run uses one (`db_sessions`, `ReportRunner`).
    private let second: SecondSession?
    /// The second session's import of the snapshot, until the main session has seen it done.
    private var imported: Pending<Void>?
    /// The year the second session is reading ahead while the current one is worked on.
    private var ahead: (year: Int, read: Pending<ReadYear>)?
    /// Whether the second session is reading the next year now (after `read(year:)`), so that
    /// the second core is busy while this year is worked on.
    var readsAhead: Bool { ahead != nil }
    /// The snapshot's time, server version and newest booking, read first.
    let snapshot: Snapshot

    /// Begins the run's transaction and reads the facts of its snapshot. With `second`, also
    /// exports the snapshot and has the second session import it, so both read the same data.
    init(connection: PGConnection, request: ReportRequest, logger: Logger, years order: [Int], second: SecondSession?) throws(ReportError) {
        self.connection = connection
        self.request = request
        self.logger = logger
        self.order = order
        self.second = second
        var imported: Pending<Void>?
        snapshot = try ReadStage.reading {
            try DatabaseSession.begin(connection)
            if let second {
                imported = second.importSnapshot(try DatabaseSession.exportSnapshot(connection), holdOpen: order.count > 1)
            }
            return try Snapshot.read(connection)
        }
        self.imported = imported
    }

    /// Reads AQB year `year` at the request's Stichtag, with its findings, and the previous
    /// cohort when the run compares with it. Years are read in the run's order; after the last
    /// one, the transaction ends.
    ///
    /// With a second session, the first year's cohort is read here while the second session
    /// reads its previous cohort, and each later year is read on the second session while the
    /// year before it is disclosed, rendered and staged (read-ahead of exactly one year, so at
    /// most two years are held at once). The main session's transaction ends once the first
    /// year is read and the second session has imported its snapshot.
    func read(year: Int) throws(ReportError) -> ReadYear {
        let index = order.firstIndex(of: year)
        let next = index.flatMap { $0 + 1 < order.count ? order[$0 + 1] : nil }
        let isLast = next == nil
        guard let second else {
            let read = try ReadStage.reading { try Self.read(year: year, request: request, logger: logger, connection: connection) }
            if isLast { try finish() } else { try holdOpen() }
            return read
        }
        if let ahead, ahead.year == year {
            self.ahead = nil
            let read = try ahead.read.wait()
            if let next { self.ahead = (next, readAhead(next, on: second, isLast: next == order.last)) }
            return read
        }
        // The first year: its cohort here, its previous cohort (and then the next year) there.
        let previous: Pending<YearReport?> = second.run { [request, logger] connection throws(ReportError) in
            try ReadStage.reading { try Self.previous(year: year, request: request, logger: logger, connection: connection) }
        }
        if let next { ahead = (next, readAhead(next, on: second, isLast: next == order.last)) } else { _ = second.finish() }
        let cohort = try ReadStage.reading { try Self.cohort(year: year, request: request, logger: logger, connection: connection) }
        try imported?.wait()
        imported = nil
        try finish()
        return ReadYear(report: cohort.report, rows: cohort.rows, previous: try previous.wait())
    }

    /// Starts reading `year` on the second session; after the run's last year its transaction ends.
    private func readAhead(_ year: Int, on second: SecondSession, isLast: Bool) -> Pending<ReadYear> {
        let request = request
        let logger = logger
        return second.run { connection throws(ReportError) in
            try ReadStage.reading {
                let read = try Self.read(year: year, request: request, logger: logger, connection: connection)
                if isLast { try connection.execute("COMMIT") }
                return read
            }
        }
    }

    /// A year, its findings and its previous cohort, on one session.
    private static func read(year: Int, request: ReportRequest, logger: Logger, connection: PGConnection) throws -> ReadYear {
        let cohort = try cohort(year: year, request: request, logger: logger, connection: connection)
        let previous = try previous(year: year, request: request, logger: logger, connection: connection)
        return ReadYear(report: cohort.report, rows: cohort.rows, previous: previous)
    }

    /// The cohort `year` with its findings.
    private static func cohort(
        year: Int, request: ReportRequest, logger: Logger, connection: PGConnection
    ) throws -> (report: YearReport, rows: RowCounts) {
        logger.info("reading AQB year \(year) at Stichtag \(request.asOf)")
        let queries = ReportQueries(connection: connection, logger: logger)
        return try FindingQuery(connection: connection).report(
            queries: queries, year: year, asOf: request.asOf, zaehltag: request.zaehltag,
            proRataMargin: request.proRataMargin, logger: logger)
    }

    /// The previous cohort for the comparison, in the same snapshot (VorjahrVergleich); `nil`
    /// when the run does not compare with it.
    private static func previous(year: Int, request: ReportRequest, logger: Logger, connection: PGConnection) throws -> YearReport? {
        guard ComparisonStep.readsPreviousYear(request) else { return nil }
        let asOf = request.asOf.sameDayOneYearEarlier
        return try ReportQueries(connection: connection, logger: logger).previousCohort(
            year: year - 1, asOf: asOf, zaehltag: request.zaehltagRule.zaehltag(for: asOf))
    }

    /// Lifts the server's idle-in-transaction timeout for the rest of the transaction, before a
    /// year that is not the last is disclosed and rendered. The timeout guards against a client
    /// that hangs while it reads; between two years this one computes, and the first night of a
    /// counting day late in a cohort year can take minutes of disclosure control (BENCHMARKS.md,
    /// issue 15), which the default 5 minutes would turn into a failed run of every year. A stop
    /// signal still ends the run, and the statement timeout still bounds every query.
    private func holdOpen() throws(ReportError) {
        try ReadStage.reading { try connection.execute("SET LOCAL idle_in_transaction_session_timeout = 0") }
    }

    /// Ends the main session's transaction once it has nothing more to read.
    private func finish() throws(ReportError) {
        try ReadStage.reading { try connection.execute("COMMIT") }
    }

    /// Stops the second session; with `failed`, its running read is cancelled first.
    func close(failed: Bool) {
        second?.close(cancelling: failed)
    }

    /// A database error keeps the server's words (`ReportError.database`); anything else that is
    /// not a `ReportError` is a bug.
    static func reading<T>(_ body: () throws -> T) throws(ReportError) -> T {
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

import Foundation
import Logging

/// Connecting with retries and opening the run's one snapshot.
enum DatabaseSession {
    /// Connects, retrying with doubling waits when the server is unreachable (a restart at night
    /// should not cost the morning's report). A refused login, a missing database and a TLS
    /// failure are not retried: libpq's state and the SQLSTATE say so in any server language.
    /// Each wait is capped at `maximumBackoffMs`; every message is masked before it is shown.
    static func connect(_ request: ReportRequest, logger: Logger) throws(ReportError) -> PGConnection {
        var wait = min(request.connectBackoffMs, maximumBackoffMs)
        var attempt = 1
        while true {
            do {
                let connection = try PGConnection(conninfo: request.conninfo, applicationName: request.session.applicationName)
                try connection.execute(request.session.statements)
                return connection
            } catch {
                let error = error.masked(conninfo: request.conninfo)
                let retryable = error.connectionFailure?.isWorthRetrying(sqlState: error.sqlState) ?? false
                guard retryable, attempt < request.connectAttempts else { throw ReportError.database(error) }
                logger.warning(
                    "cannot connect (attempt \(attempt) of \(request.connectAttempts)): \(error.description); retrying in \(wait) ms")
                usleep(UInt32(wait) * 1000)
                wait = min(wait * 2, maximumBackoffMs)
                attempt += 1
            }
        }
    }

    /// The longest wait between two connection attempts (also the largest `connect_backoff_ms`).
    static let maximumBackoffMs = 600_000

    /// Takes the per-database run lock, or fails with status 75 naming the run that holds it.
    ///
    /// The key is derived from the connected role (`run_lock.sql`). Any login may take any
    /// advisory lock, so a holder of another role is not another report run but someone in the
    /// way: the run warns, naming that session, and goes on without the database lock (the lock
    /// file still keeps runs on this machine apart).
    static func lock(_ connection: PGConnection, logger: Logger) throws(ReportError) {
        do {
            let result = try connection.query(ReportQuery.runLock.sql)
            try result.checkColumns([.bool, .int8])
            guard result.rowCount == 1 else { throw PGError(kind: .unexpectedResult, message: "run_lock.sql returned no row") }
            guard result.row(0).string(0) != "t" else { return }
            let key = try result.row(0).int(1)
            let holder = try connection.query(ReportQuery.runLockHolder.sql, [String(key)])
            var who = "another aqb-report run"
            var sameRole = true
            if holder.rowCount == 1 {
                let row = holder.row(0)
                who =
                    "server process \(row.string(0) ?? "?") (\(row.string(1) ?? "")) of role \(row.string(4) ?? "?") from \(row.string(2) ?? "?") since \(row.string(3) ?? "?")"
                sameRole = row.string(5) == "t"
            }
            guard sameRole else {
                logger.warning(
                    "the report's database lock (advisory lock \(key)) is held by \(who), which is not a session of the report's role; going on without it. Find out why that session takes it."
                )
                return
            }
            throw ReportError(
                .locked, "another aqb-report run is reading this database (\(who)); wait for it to finish, this run exits without writing.")
        } catch let error as ReportError {
            throw error
        } catch let error as PGError {
            throw ReportError.database(error)
        } catch {
            throw ReportError(.software, "\(error)")
        }
    }

    /// All years of a run are read in one REPEATABLE READ READ ONLY transaction: bookings made
    /// while the job runs never make two files disagree.
    static func begin(_ connection: PGConnection) throws(PGError) {
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    }

    /// Exports the snapshot of the transaction `begin` started, for the run's second session
    /// (`SecondSession`). Valid until that transaction ends, so the main session keeps it open
    /// until the second one has imported it.
    static func exportSnapshot(_ connection: PGConnection) throws(PGError) -> String {
        let result = try connection.query("SELECT pg_export_snapshot()")
        guard result.rowCount == 1, let id = result.row(0).string(0) else {
            throw PGError(kind: .unexpectedResult, message: "pg_export_snapshot() returned no snapshot")
        }
        return id
    }

    /// Begins the second session's transaction on the main session's snapshot `id`: the same
    /// REPEATABLE READ READ ONLY transaction, seeing exactly the same data.
    static func begin(_ connection: PGConnection, snapshot id: String) throws(PGError) {
        let quoted = "'" + id.replacingOccurrences(of: "'", with: "''") + "'"
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT \(quoted)")
    }
}

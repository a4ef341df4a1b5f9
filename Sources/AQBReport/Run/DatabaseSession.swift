import Foundation
import Logging

/// Connecting with retries and opening the run's one snapshot.
enum DatabaseSession {
    /// Connects, retrying with doubling waits when the server is unreachable (a restart at night
    /// should not cost the morning's report); authentication failures are not retried.
    static func connect(_ request: ReportRequest, logger: Logger) throws(ReportError) -> PGConnection {
        var wait = request.connectBackoffMs
        var attempt = 1
        while true {
            do {
                let connection = try PGConnection(conninfo: request.conninfo, applicationName: request.session.applicationName)
                try connection.execute(request.session.statements)
                return connection
            } catch {
                let retryable =
                    error.kind == .connection && !error.message.contains("authentication")
                    && !error.message.contains("password")
                guard retryable, attempt < request.connectAttempts else { throw ReportError.database(error) }
                logger.warning(
                    "cannot connect (attempt \(attempt) of \(request.connectAttempts)): \(error.description); retrying in \(wait) ms")
                usleep(UInt32(min(wait, 600_000) * 1000))
                wait *= 2
                attempt += 1
            }
        }
    }

    /// The advisory lock key of aqb-report runs ("AQBR").
    static let lockKey: Int64 = 0x4151_4252

    /// Takes the per-database run lock, or fails with status 75 naming the run that holds it.
    static func lock(_ connection: PGConnection) throws(ReportError) {
        do {
            let result = try connection.query(ReportQuery.runLock.sql, [String(lockKey)])
            guard result.rowCount == 1, result.row(0).string(0) != "t" else { return }
            let holder = try connection.query(ReportQuery.runLockHolder.sql, [String(lockKey)])
            var who = "another aqb-report run"
            if holder.rowCount == 1 {
                let row = holder.row(0)
                who =
                    "server process \(row.string(0) ?? "?") (\(row.string(1) ?? "")) from \(row.string(2) ?? "?") since \(row.string(3) ?? "?")"
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
}

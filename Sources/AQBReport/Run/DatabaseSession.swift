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
                let retryable = error.kind == .connection && !error.message.contains("authentication")
                    && !error.message.contains("password")
                guard retryable, attempt < request.connectAttempts else { throw ReportError.database(error) }
                logger.warning("cannot connect (attempt \(attempt) of \(request.connectAttempts)): \(error.description); retrying in \(wait) ms")
                usleep(UInt32(min(wait, 600_000) * 1000))
                wait *= 2
                attempt += 1
            }
        }
    }

    /// All years of a run are read in one REPEATABLE READ READ ONLY transaction: bookings made
    /// while the job runs never make two files disagree.
    static func begin(_ connection: PGConnection, request: ReportRequest) throws(PGError) {
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    }
}

import Logging

/// How a failed command ends: one log line naming the problem and its fix, and the exit status.
///
/// One place for every subcommand and for the report job, so a failure reads the same whoever
/// caught it, and the report job can log it before the failure alert quotes the log's last lines.
public enum RunFailure {
    /// Logs `error` and returns its exit status: a `ReportError`'s own, 70 for anything else (a
    /// bug). Waits for good while a stop is under way: the signal handler ends the process then,
    /// and a query it cancelled is not an error of its own.
    public static func log(_ error: any Error, to logger: Logger) -> Int32 {
        StopSignals.waitIfStopping()
        // A last safety net: whatever a message quotes, a password in it is masked, and a line
        // break in a quoted value cannot start a second line.
        guard let error = error as? ReportError else {
            logger.error(
                "unexpected failure: \(ConnectionString.maskedByShape("\(error)").escapingControlCharacters); please report this with the log."
            )
            return ReportError.Status.software.rawValue
        }
        logger.error("\(ConnectionString.maskedByShape(error.message).escapingControlCharacters)")
        return error.status.rawValue
    }
}

import AQBReport
import ArgumentParser
import Logging

/// Logging and exit statuses in one place, the same for every subcommand.
enum CommandLogging {
    /// swift-log may be bootstrapped once per process.
    /// Besides stderr, the last lines are kept for the failure alert (`LogTail`).
    private static let bootstrapped: Void = LoggingSystem.bootstrap { label in
        MultiplexLogHandler([StreamLogHandler.standardError(label: label), LogTail(label: label)])
    }

    /// Log lines go to stderr; stdout carries only what the user asked for.
    static func logger(level: String?) -> Logger {
        _ = bootstrapped
        var logger = Logger(label: "aqb-report")
        logger.logLevel = level.flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    /// Runs a subcommand body: a `ReportError` becomes one log line and its exit status; anything
    /// else is a bug (70).
    static func run(_ logger: () -> Logger, _ body: (Logger) throws -> Void) throws {
        var current = Logger(label: "aqb-report")
        do {
            current = logger()
            try body(current)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitCode(RunFailure.log(error, to: current))
        }
    }
}

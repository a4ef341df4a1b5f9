import AQBReport
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// The `aqb-report` command: subcommands only; all work happens in the AQBReport library.
@main
struct AQBReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aqb-report",
        abstract: "Reports on Hessen's Ausbildungs- und Qualifizierungsbudget (AQB) from PostgreSQL.",
        discussion: "Exit statuses: \(ExitStatuses.summary). The README's table says what to do for each.",
        version: ReportRunner.version,
        subcommands: [ReportCommand.self, VerifyCommand.self, CheckCommand.self, AuditCommand.self],
        defaultSubcommand: ReportCommand.self
    )

    /// SIGPIPE is ignored before anything runs: a reader of stdout that went away (`| head`, a
    /// closed cron pipe) is then a write error the report logs (`StandardOutput`), not the death
    /// of a run that has already published, and a mail program that stops reading is an EPIPE.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        main(nil)
    }
}

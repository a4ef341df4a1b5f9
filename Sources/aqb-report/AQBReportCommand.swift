import ArgumentParser

/// The `aqb-report` command: subcommands only; all work happens in the AQBReport library.
@main
struct AQBReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aqb-report",
        abstract: "Reports on Hessen's Ausbildungs- und Qualifizierungsbudget (AQB) from PostgreSQL.",
        version: "0.1.0",
        subcommands: [ReportCommand.self],
        defaultSubcommand: ReportCommand.self
    )
}

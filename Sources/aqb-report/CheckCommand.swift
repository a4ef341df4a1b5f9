import AQBReport
import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check that the database is ready for the report (status 65 if not, 69 if unreachable).")

    @OptionGroup var settings: SettingsOptions

    func run() throws {
        try CommandLogging.run({ CommandLogging.logger(level: nil) }) { logger in
            let merged = try settings.merged(commandLine: Settings())
            let request = merged.request(asOf: BerlinTime.today())
            let items = try SetupCheck().run(request, logger: logger)
            let width = items.map(\.name.count).max() ?? 0
            for item in items {
                let padding = String(repeating: " ", count: width - item.name.count)
                let mark =
                    switch item.level {
                    case .ok: "ok  "
                    case .warning: "WARN"
                    case .failure: "FAIL"
                    }
                print("\(mark) \(item.name)\(padding)  \(item.detail)")
            }
            let failures = items.filter { !$0.ok }.count
            guard failures == 0 else {
                throw ReportError(.dataError, "\(failures) check(s) failed; see the lines marked FAIL above.")
            }
        }
    }
}

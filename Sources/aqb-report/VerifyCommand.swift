import AQBReport
import ArgumentParser

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check a report folder against its manifest.json (status 65 on any difference).")

    @Argument(help: "A report folder, e.g. reports/2025/latest.")
    var folder: String

    func run() throws {
        try CommandLogging.run({ CommandLogging.logger(level: nil) }) { logger in
            let problems = Manifest.verify(folder: folder)
            guard problems.isEmpty else {
                for problem in problems { print("\(folder): \(problem)") }
                throw ReportError(
                    .dataError, "\(folder) does not match its manifest (\(problems.count) differences); rerun the report for it.")
            }
            print("\(folder): ok")
        }
    }
}

import Foundation
import Testing

@testable import AQBReport

/// One table of exit statuses (`ExitStatuses`), and the four places that show it agree with it.
@Suite struct ExitStatusTableTests {
    static let expectedCodes: [Int32] = [0, 64, 65, 69, 70, 73, 75, 76, 77, 78, 79, 129, 130, 143]

    @Test func theTableHasEveryStatusTheCodeCanEndWith() {
        #expect(ExitStatuses.all.flatMap(\.codes) == Self.expectedCodes)
        for status in [
            ReportError.Status.usage, .dataError, .unavailable, .software, .cantCreate, .timeout, .noPermission, .locked, .config,
            .mailNotSent,
        ] {
            #expect(ExitStatuses.entry(status.rawValue) != nil, "\(status) is not in the table")
        }
    }

    @Test func theREADMEShowsTheTable() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        #expect(
            readme.contains(ExitStatuses.markdownTable + "\n"),
            "README's exit statuses differ from ExitStatuses.markdownTable:\n\(ExitStatuses.markdownTable)")
    }

    @Test func helpListsEveryStatus() throws {
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for entry in ExitStatuses.all {
            let item = entry.codes.map(String.init).joined(separator: "/") + " " + entry.name
            #expect(text.contains(item), "--help lacks \(item): \(help.stdout)")
        }
    }

    @Test func theAlertAndTheMetricsUseTheTable() throws {
        for entry in ExitStatuses.all where entry.codes != [0] {
            for code in entry.codes { #expect(FailureAlert.meaning(code) == entry.german) }
        }
        let folder = try TemporaryFolder()
        try MetricsFile(path: folder.path + "/aqb.prom").write(status: 129, finishedAt: 1_700_000_000, durationMs: 5, perYear: [])
        let help = try folder.read("aqb.prom").split(separator: "\n").first { $0.hasPrefix("# HELP aqb_report_last_exit_status") }
        #expect(help?.contains(ExitStatuses.summary) == true, "\(help ?? "")")
    }
}

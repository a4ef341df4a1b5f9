import Foundation
import Testing

@testable import AQBReport

/// The previous year's folder under the output base that cannot be opened (here a link planted
/// in place of the year folder) was taken for "no published report of that day": the comparison
/// then published counts of its own, without a word. It is now "not readable": a warning, and
/// every count of the previous year withheld, as for a same-day folder that cannot be read.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct UnreadableVorjahrTests {
    @Test func aPreviousYearFolderThatCannotBeOpenedWithholdsItsCountsAndSaysSo() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        func report(_ year: String, _ asOf: String) throws -> CommandRunner.Outcome {
            try CommandRunner.run(["report", "--year", year, "--as-of", asOf, "--out", out.path, "--db", database.reportConninfo])
        }
        #expect(try report("2024", "2024-09-30").status == 0)
        try FileManager.default.moveItem(atPath: out.path + "/2024", toPath: out.path + "/elsewhere")
        try FileManager.default.createSymbolicLink(atPath: out.path + "/2024", withDestinationPath: out.path + "/elsewhere")
        let outcome = try report("2025", "2025-09-30")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let warnings = outcome.stderr.split(separator: "\n").filter {
            $0.contains(" warning ") && $0.contains("Bericht 2024 zum 30.09.2024 nicht lesbar")
        }
        #expect(warnings.count == 1, "\(outcome.stderr)")
        let csv = try out.read("2025/2025-09-30/vorjahr.csv").replacingOccurrences(of: "\u{FEFF}", with: "")
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0].split(separator: ";", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "teilnehmende_vorjahr"))
        for line in lines.dropFirst() {
            let cells = line.split(separator: ";", omittingEmptySubsequences: false)
            #expect(cells[column] == "*" || cells[column] == "", "\(line)")
        }
    }
}

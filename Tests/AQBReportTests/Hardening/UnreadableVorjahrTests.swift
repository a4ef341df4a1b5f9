import Foundation
import Testing

@testable import AQBReport

/// The previous year's folder under the output base that cannot be opened (here a link planted
/// in place of the year folder) was taken for "no published report of that day": the comparison
/// then published counts of its own, without a word. The previous year now comes from the
/// disclosure ledger of its cohort, never from its folders: what was published for that counting
/// day is shown again exactly, whatever became of the folder.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct UnreadableVorjahrTests {
    @Test func aPreviousYearFolderThatCannotBeOpenedDoesNotMatter() throws {
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
        func column(_ file: String, _ name: String) throws -> [String: String] {
            let text = try out.read(file).replacingOccurrences(of: "\u{FEFF}", with: "")
            let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            let header = lines[0].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let ags = try #require(header.firstIndex(of: "ags"))
            let value = try #require(header.firstIndex(of: name))
            var result: [String: String] = [:]
            for line in lines.dropFirst() {
                let cells = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
                result[cells[ags]] = cells[value]
            }
            return result
        }
        let published = try column("elsewhere/2024-09-30/kreise.csv", "teilnehmende")
        let shown = try column("2025/2025-09-30/vorjahr.csv", "teilnehmende_vorjahr").filter { !$0.value.isEmpty }
        #expect(!shown.isEmpty)
        for (ags, value) in shown { #expect(published[ags] == value, "\(ags)") }
    }
}

import Foundation
import Testing

@testable import AQBReport

/// The sample data's report, compared byte for byte with the files under Fixtures/golden/.
/// The clock is fixed, so the Markdown's times are too.
///
/// After an intended change of the output, regenerate with
/// `AQB_UPDATE_GOLDEN=1 scripts/test --filter GoldenReportTests` and review the diff.
@Suite struct GoldenReportTests {
    static let cases: [(year: Int, asOf: String, format: CSVFormat)] = [(2024, "2025-09-30", .de), (2025, "2025-09-30", .rfc4180)]

    @Test(arguments: cases.indices)
    func sampleReportMatchesTheGoldenFiles(index: Int) throws {
        let (year, asOf, format) = Self.cases[index]
        let database = try TestDatabase()
        try database.loadSample()
        // The sample's booking dated 2099 (sql/sample/002_findings.sql) gets a warning naming the
        // day of the run; without it the files do not depend on the day the tests run.
        try database.load("DELETE FROM aqb.ausgabe WHERE buchungstag > current_date")
        let files = try ReportFiles(database: database, year: year, asOf: asOf, format: format)
        let golden = Repository.fixtures + "/golden/\(year)-\(asOf)-\(format.rawValue)"
        let update = ProcessInfo.processInfo.environment["AQB_UPDATE_GOLDEN"] == "1"
        let names = [
            "kreise.csv", "massnahmenarten.csv", "rechtskreise.csv", "foerderschwerpunkte.csv", "projekte.csv", "budgetaenderungen.csv",
            "haushaltsjahre.csv", "auffaelligkeiten.csv", "vorjahr.csv", "bericht.md", "kreise/06437-odenwaldkreis.md",
            "kreise/06634-schwalm-eder-kreis.md",
        ]
        for name in names {
            let actual = try Data(contentsOf: URL(fileURLWithPath: files.path + "/" + name))
            let expectedPath = golden + "/" + name
            if update {
                try FileManager.default.createDirectory(
                    atPath: (expectedPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try actual.write(to: URL(fileURLWithPath: expectedPath))
                // Comparing a file with the copy just written cannot fail: an update run is red
                // on purpose, so it is never mistaken for a passing one.
                Issue.record("wrote \(expectedPath); review the diff and run again without AQB_UPDATE_GOLDEN")
                continue
            }
            let expected = try Data(contentsOf: URL(fileURLWithPath: expectedPath))
            #expect(actual == expected, "\(name) differs from \(expectedPath)")
        }
    }
}

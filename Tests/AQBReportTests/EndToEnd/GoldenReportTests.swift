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
        let files = try ReportFiles(database: database, year: year, asOf: asOf, format: format)
        let golden = Repository.fixtures + "/golden/\(year)-\(asOf)-\(format.rawValue)"
        let update = ProcessInfo.processInfo.environment["AQB_UPDATE_GOLDEN"] == "1"
        for name in ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv", "vorjahr.csv", "bericht.md"] {
            let actual = try Data(contentsOf: URL(fileURLWithPath: files.path + "/" + name))
            let expectedPath = golden + "/" + name
            if update {
                try FileManager.default.createDirectory(atPath: golden, withIntermediateDirectories: true)
                try actual.write(to: URL(fileURLWithPath: expectedPath))
            }
            let expected = try Data(contentsOf: URL(fileURLWithPath: expectedPath))
            #expect(actual == expected, "\(name) differs from \(expectedPath)")
        }
    }
}

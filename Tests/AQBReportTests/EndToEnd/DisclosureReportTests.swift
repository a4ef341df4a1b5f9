import Foundation
import Testing

@testable import AQBReport

/// Disclosure control as it reaches the files: identical in CSV and Markdown, money withheld
/// with its count, and off only for internal reports.
@Suite struct DisclosureReportTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
    }

    @Test func noCountOfOneOrTwoIsPublished() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30")
        var suppressed = 0
        for name in ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv"] {
            let (header, rows) = try files.rows(name)
            let countColumns = header.indices.filter { header[$0].hasPrefix("teilnehmende") }
            for row in rows {
                for column in countColumns {
                    #expect(row[column] != "1" && row[column] != "2", "\(name) \(row[1]) \(header[column])")
                    if row[column] == "*" { suppressed += 1 }
                }
            }
        }
        #expect(suppressed > 0, "the sample data has small counts, so something must be suppressed")
    }

    @Test func markdownShowsTheSameSuppressionsAsTheCSV() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30")
        let kreise = try files.kreise()
        let html = try Cmark.html(try files.text("bericht.md"))
        let tables = Cmark.tables(html)
        let areas = try #require(tables.first { $0.header.first == "Gebiet" && $0.header.contains("Teilnehmende") })
        #expect(areas.rows.count == kreise.count)
        for row in areas.rows {
            let ags = row[1]
            let csv = try #require(kreise[ags]?["teilnehmende"])
            let markdown = Cmark.text(row[8]).replacingOccurrences(of: ".", with: "")
            #expect(markdown == csv, "\(ags)")
        }
        for table in tables {
            #expect(!table.rows.joined().joined().contains("<em>"), "a star in a table became emphasis")
        }
        let rechtskreise = try files.byCategory("rechtskreise.csv")
        let matrix = try #require(tables.first { $0.header.first == "Gebiet" && $0.header.contains("SGB II") })
        let codes = Array(matrix.header.dropFirst(2).dropLast())
        for (index, row) in matrix.rows.enumerated() {
            let ags = row[1]
            #expect(ags == areas.rows[index][1])
            for (position, code) in codes.enumerated() {
                let csv = try #require(rechtskreise["\(ags)/\(code)"]?["teilnehmende"])
                #expect(Cmark.text(row[position + 2]).replacingOccurrences(of: ".", with: "") == csv, "\(ags) \(code)")
            }
        }
    }

    @Test func internalReportPublishesEverythingAndSaysSo() throws {
        let folder = try TemporaryFolder()
        _ = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30", folder: folder)
        let intern = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30", disclosureControl: false, folder: folder)
        #expect(intern.path.hasSuffix("/2024/2025-09-30-intern"))
        #expect(try intern.text("bericht.md").contains("Nur für den internen Gebrauch"))
        #expect(!(try intern.text("kreise.csv").contains("*")))
        #expect(FileSystem.readLink(folder.path + "/2024/latest") == "2025-09-30")
    }
}

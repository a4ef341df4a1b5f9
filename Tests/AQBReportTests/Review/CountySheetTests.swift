import Foundation
import Testing

@testable import AQBReport

/// The county sheets `kreise/<ags>-<slug>.md`, rendered with cmark-gfm as a reader's tool would:
/// every Kreis has one, its tables hold what the CSV files hold, and text from the database
/// (titles, Träger, reasons, names) stays text in well-formed tables.
@Suite struct CountySheetTests {
    @Test func slugsAreSafeFileNameParts() {
        #expect(CountySheet.slug("Kassel, Landkreis") == "kassel-landkreis")
        #expect(CountySheet.slug("Werra-Meißner-Kreis") == "werra-meissner-kreis")
        #expect(CountySheet.slug("Groß-Gerau") == "gross-gerau")
        #expect(CountySheet.slug("../../etc/passwd") == "etc-passwd")
        #expect(CountySheet.slug("=1+1 <script>") == "1-1-script")
        #expect(CountySheet.slug("***") == "kreis")
        #expect(CountySheet.slug(String(repeating: "ab-", count: 40)).count <= 40)
        #expect(!CountySheet.slug(String(repeating: "ab-", count: 40)).hasSuffix("-"))
    }

    @Test func everyKreisHasASheetWhoseProjectsMatchTheProjectList() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30")
        let sheets = try FileManager.default.contentsOfDirectory(atPath: files.path + "/kreise").sorted().filter { $0.hasSuffix(".md") }
        let kreise = try files.kreise().filter { $0.value["ebene"] == "Kreis" }
        #expect(sheets.map { String($0.prefix(5)) } == kreise.keys.sorted())
        let (header, rows) = try files.rows("projekte.csv")
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        for sheet in sheets {
            let ags = String(sheet.prefix(5))
            let html = try Cmark.html(try files.text("kreise/" + sheet))
            let tables = Cmark.tables(html)
            let projects = try #require(tables.first { $0.header.first == "Projekt" }, "\(sheet)")
            let listed = rows.filter { $0[column["ags"] ?? 0] == ags }
            #expect(projects.rows.map { $0[0] } == listed.map { $0[column["projekt_id"] ?? 0] }, "\(sheet)")
            // The participant counts, `*` included, are the CSV's (German number format aside).
            #expect(
                projects.rows.map { Cmark.text($0[8]).replacingOccurrences(of: ".", with: "") }
                    == listed.map { $0[column["teilnehmende"] ?? 0] }, "\(sheet)")
            for table in tables { #expect(table.rows.allSatisfy { $0.count == table.header.count }, "\(sheet)") }
            let key = try #require(tables.first { $0.header.first == "Kennzahl" })
            let total = try #require(key.rows.first { $0[0].hasPrefix("Teilnahmen (Eintritte") })
            #expect(Cmark.text(total[1]).replacingOccurrences(of: ".", with: "") == kreise[ags]?["teilnehmende"], "\(sheet)")
        }
        // The agreement's projects, by name, on the Schwalm-Eder-Kreis's sheet.
        let schwalmEder = try files.text("kreise/06634-schwalm-eder-kreis.md")
        #expect(schwalmEder.contains("discoverMINT") && schwalmEder.contains("Arbeitsmarktcoaching Integration"))
    }

    @Test func hostileTextStaysTextInTheSheets() throws {
        let database = try TestDatabase()
        try HostileText.load(into: database)
        let files = try ReportFiles(database: database, year: HostileText.year, asOf: HostileText.asOf)
        let pages = try FileManager.default.contentsOfDirectory(atPath: files.path + "/kreise")
        #expect(pages.count == 2 * 26)
        #expect(pages.allSatisfy { $0.range(of: #"^\d{5}-[a-z0-9-]+\.(md|html)$"#, options: .regularExpression) != nil }, "\(pages)")
        // The HTML sheets hold the same text escaped: no tag of the data survives.
        for page in pages where page.hasSuffix(".html") {
            let html = try files.text("kreise/" + page)
            #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"), "\(page)")
        }
        let sheets = pages.filter { $0.hasSuffix(".md") }
        var seen = Set<String>()
        for sheet in sheets {
            let html = try Cmark.html(try files.text("kreise/" + sheet))
            #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>") && !html.contains("<strong>fett"))
            let tables = Cmark.tables(html)
            for table in tables { #expect(table.rows.allSatisfy { $0.count == table.header.count }, "\(sheet)") }
            for table in tables where table.header.first == "Projekt" {
                for row in table.rows {
                    seen.insert(Cmark.text(row[1]))
                    seen.insert(Cmark.text(row[2]))
                }
            }
            for table in tables where table.header.last == "Grund" { for row in table.rows { seen.insert(Cmark.text(row[2])) } }
        }
        // Every hostile text arrives as text (a table row is one line: line breaks become blanks).
        for text in HostileText.texts {
            let oneLine = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
            #expect(seen.contains(oneLine.trimmingCharacters(in: .whitespaces)) || seen.contains(oneLine), "\(text.debugDescription)")
        }
    }
}

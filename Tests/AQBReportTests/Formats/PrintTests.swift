import Foundation
import Testing

@testable import AQBReport

/// `bericht.html` and the HTML county sheets printed to A4 by headless Chromium: every header
/// cell of every table must reach the paper (`pdftotext`, Fixtures/tools/pdf_headers.py), so no
/// column is cut off at the page's right edge, as the change in spending of the previous-year
/// table and "Teilnahmen kumuliert" once were.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct PrintTests {
    struct Check: Decodable {
        var tables: Int
        var headers: Int
        var missing: [String]
    }

    static let a4Portrait = (width: 595.0, height: 842.0)

    /// Prints `name` of `files` and checks its headers; returns the pages' sizes.
    @discardableResult
    static func expectEveryColumnPrinted(_ files: ReportFiles, _ name: String) throws -> [(width: Double, height: Double)] {
        let html = files.path + "/" + name
        let pdf = try TemporaryFolder()
        let output = pdf.path + "/print.pdf"
        try Chromium.printToPDF(html, output)
        let check = try HTMLReportTests.decode(Check.self, tool: "pdf_headers.py", [html, output])
        #expect(check.tables > 0 && check.headers > check.tables, "\(name): \(check)")
        #expect(check.missing.isEmpty, "\(name): columns cut off in print: \(check.missing)")
        let pages = try Chromium.pageSizes(output)
        #expect(!pages.isEmpty)
        for page in pages {
            // A4 either way round, nothing else.
            let sides = [page.width, page.height].sorted()
            #expect(abs(sides[0] - a4Portrait.width) < 1 && abs(sides[1] - a4Portrait.height) < 1, "\(name): \(page)")
        }
        return pages
    }

    /// 2025 beside 2024: the previous-year table, the widest of the report, is in it.
    @Test(arguments: [2024, 2025])
    func theReportPrintsEveryColumnOnA4(year: Int) throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: year, asOf: "2025-09-30")
        let pages = try Self.expectEveryColumnPrinted(files, HTMLReport.fileName)
        // The wide sections need landscape pages; the first page (Hessen at a glance) stays portrait.
        #expect(pages.contains { $0.width > $0.height })
        #expect(pages.first.map { $0.width < $0.height } == true)
    }

    @Test func theCountySheetPrintsEveryColumnOnA4() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let sheet = try #require(
            try FileManager.default.contentsOfDirectory(atPath: files.path + "/kreise").first {
                $0.hasPrefix("06634-") && $0.hasSuffix(".html")
            })
        try Self.expectEveryColumnPrinted(files, "kreise/" + sheet)
    }

    /// The print width is taken from what the cells hold: numbers keep their length, headers
    /// their longest word, text cells wrap.
    @Test func printWidthFollowsTheCells() {
        let narrow =
            "<thead>\n<tr>\n<th>Kennzahl</th>\n<th align=\"right\">Hessen</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            + "<td>Budget</td>\n<td align=\"right\">27.706.250,00 €</td>\n</tr>\n</tbody>\n"
        #expect(HTMLTables.columnWidths(narrow) == [8, 15])
        #expect(HTMLTables.PrintWidth(columnWidths: HTMLTables.columnWidths(narrow)) == .hoch)
        let longText = "<tr>\n<td>" + String(repeating: "Wort ", count: 40) + "</td>\n</tr>\n"
        #expect(HTMLTables.columnWidths(longText) == [HTMLTables.wrappedText])
        #expect(HTMLTables.PrintWidth(columnWidths: Array(repeating: 15, count: 9)) == .quer)
        #expect(HTMLTables.PrintWidth(columnWidths: Array(repeating: 15, count: 14)) == .querEng)
    }
}

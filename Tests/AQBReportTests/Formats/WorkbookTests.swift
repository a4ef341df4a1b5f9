import Foundation
import Testing

@testable import AQBReport

/// `bericht.xlsx` read back by an independent reader (Python's zipfile and XML parser,
/// Fixtures/tools/xlsx_cells.py) and compared, cell by cell and type by type, with the CSV files.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct WorkbookTests {
    struct Workbook: Decodable {
        struct Cell: Decodable {
            var t: String
            var v: String
            var fmt: String
        }
        struct Print: Decodable {
            var orientation: String
            var paperSize: String
            var scale: String
            var fitToWidth: String
            var fitToPage: String
        }
        struct Sheet: Decodable {
            var name: String
            var rows: [[Cell]]
            var frozen: String
            var autofilter: String
            var print: Print
        }
        var sheets: [Sheet]
        var formulas: Int
        var properties: [String: String]
        var definedNames: [String: [String]]

        func sheet(_ name: String) throws -> Sheet { try #require(sheets.first { $0.name == name }) }
    }

    /// A name an attacker might slip into the database: a formula, markup and a CSV breaker.
    static let hostileName = "=HYPERLINK(\"http://example.invalid/\",\"klick\") <script>alert(1)</script>, \"x\""

    static func read(_ path: String) throws -> Workbook {
        let outcome = try ToolRunner.run("python3", [Repository.fixtures + "/tools/xlsx_cells.py", path])
        #expect(outcome.status == 0, "xlsx_cells.py: \(outcome.stderr)")
        return try JSONDecoder().decode(Workbook.self, from: Data(outcome.stdout.utf8))
    }

    /// What a CSV cell must be in the workbook, by its column: amounts numbers in euro format,
    /// shares percentages, counts integers, `*` text, empty blank, everything else text.
    static func expectMatch(_ csv: String, _ cell: Workbook.Cell?, column: String, at place: String) {
        guard let cell else {
            // libxlsxwriter leaves out a blank cell without a format: nothing there is empty.
            if !csv.isEmpty { Issue.record("\(place): missing in the workbook") }
            return
        }
        if csv == Suppression.symbol {
            #expect(cell.t == "s" && cell.v == csv, "\(place)")
        } else if csv.isEmpty {
            #expect(cell.t == "blank" || cell.t == "none", "\(place): \(cell)")
        } else if column.hasSuffix("_eur") {
            #expect(cell.t == "n" && cell.fmt == WorkbookSheetWriter.euroFormat, "\(place): \(cell)")
            #expect(abs((Double(cell.v) ?? .nan) - (Double(csv) ?? .nan)) < 0.000_001, "\(place): \(cell.v) vs \(csv)")
        } else if column.hasSuffix("_prozent") {
            #expect(cell.t == "n" && cell.fmt == WorkbookSheetWriter.percentFormat, "\(place): \(cell)")
            #expect(abs((Double(cell.v) ?? .nan) * 100 - (Double(csv) ?? .nan)) < 0.000_001, "\(place): \(cell.v) vs \(csv)")
        } else if column.hasSuffix("_prozentpunkte") {
            #expect(cell.t == "n" && cell.fmt == WorkbookSheetWriter.pointsFormat, "\(place): \(cell)")
            #expect(abs((Double(cell.v) ?? .nan) - (Double(csv) ?? .nan)) < 0.000_001, "\(place): \(cell.v) vs \(csv)")
        } else if ["projekte", "plaetze_geplant", "projekte_ohne_plan", "teilnahmen_aktiv_am_stichtag"].contains(column)
            || column.hasPrefix("teilnehmende")
        {
            #expect(cell.t == "n" && cell.v == csv && cell.fmt == WorkbookSheetWriter.countFormat, "\(place): \(cell)")
        } else {
            // A string cell is never a formula, so the workbook keeps the text as it is; the CSV
            // file carries the apostrophe that protects it there (`SpreadsheetText`).
            #expect(cell.t == "s" && SpreadsheetText.neutralized(cell.v) == csv, "\(place): \(cell)")
        }
    }

    @Test(arguments: [true, false])
    func everyCellHasTheCSVValueAndItsType(disclosureControl: Bool) throws {
        let database = try TestDatabase()
        try database.loadSample()
        try database.load(
            "UPDATE aqb.gebietskoerperschaft SET name = '\(Self.hostileName.replacingOccurrences(of: "'", with: "''"))' WHERE ags = '06437'"
        )
        let files = try ReportFiles(
            database: database, year: 2024, asOf: "2025-09-30", format: .rfc4180, disclosureControl: disclosureControl)
        let workbook = try Self.read(files.path + "/bericht.xlsx")
        #expect(
            workbook.sheets.map(\.name) == [
                "Hessen", "Kreise", "Maßnahmenarten", "Rechtskreise", "Förderschwerpunkte", "Projekte", "Budgetänderungen",
                "Haushaltsjahre", "Inklusion", "Vorjahr", "Auffälligkeiten", "Erläuterungen",
            ])
        #expect(workbook.formulas == 0)
        var suppressed = 0
        // Every sheet that holds a CSV file holds it cell for cell, `*` exactly where the file has one.
        for (file, name) in Self.sheetsOfFiles {
            let csv = try files.rows(file)
            let sheet = try workbook.sheet(name)
            #expect(!csv.rows.isEmpty, "\(file)")
            #expect(sheet.rows.count == csv.rows.count + 1, "\(name): one header row, then the CSV's rows")
            #expect(sheet.rows.first?.allSatisfy { $0.t == "s" } == true)
            #expect(sheet.frozen.hasSuffix("2"), "\(name): header row frozen")
            #expect(sheet.autofilter.hasPrefix("A1:"), "\(name)")
            for (index, row) in csv.rows.enumerated() {
                let cells = sheet.rows[index + 1]
                for (column, value) in row.enumerated() {
                    Self.expectMatch(
                        value, cells.indices.contains(column) ? cells[column] : nil, column: csv.header[column],
                        at: "\(name) row \(index + 2) \(csv.header[column])")
                    if value == Suppression.symbol { suppressed += 1 }
                }
            }
        }
        #expect(disclosureControl ? suppressed > 0 : suppressed == 0)
        #expect(try workbook.sheet("Kreise").rows.contains { $0.count > 2 && $0[2].v == Self.hostileName && $0[2].t == "s" })
        // Hessen: the key figures with the Land's values.
        let kreise = try files.kreise()
        let hessen = try workbook.sheet("Hessen").rows
        let internalNotice = hessen.contains { $0.first?.v.hasPrefix("Nur für den internen Gebrauch") == true }
        #expect(internalNotice == !disclosureControl)
        let ausgegeben = try #require(hessen.first { $0.first?.v == "Ausgegeben" })
        Self.expectMatch(try #require(kreise["06"]?["ausgegeben_eur"]), ausgegeben[1], column: "ausgegeben_eur", at: "Hessen")
        // Erläuterungen: the legend and Methodik as text, without Markdown markup.
        let text = try workbook.sheet("Erläuterungen").rows.flatMap { $0.map(\.v) }.joined(separator: "\n")
        #expect(text.contains("Methodik") && text.contains("Hare-Niemeyer") && !text.contains("**"))
        #expect(workbook.properties["title"] == "AQB 2024: Bericht zum Stichtag 30.09.2025")
        #expect(workbook.properties["created"] == "2025-09-30T00:00:00Z")
    }

    /// The sheets that hold a CSV file column for column and row for row.
    static let sheetsOfFiles = [
        ("kreise.csv", "Kreise"), ("massnahmenarten.csv", "Maßnahmenarten"), ("rechtskreise.csv", "Rechtskreise"),
        ("foerderschwerpunkte.csv", "Förderschwerpunkte"), ("projekte.csv", "Projekte"), ("budgetaenderungen.csv", "Budgetänderungen"),
        ("haushaltsjahre.csv", "Haushaltsjahre"), ("vorjahr.csv", "Vorjahr"),
    ]

    /// Inklusion has no file of its own: its counts are `kreise.csv`'s, `*` where they are, and a
    /// share only where both its counts are published.
    @Test func inklusionHoldsTheCountsOfKreiseCSV() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", format: .rfc4180)
        let workbook = try Self.read(files.path + "/bericht.xlsx")
        let kreise = try files.kreise()
        let rows = try workbook.sheet("Inklusion").rows.dropFirst()
        #expect(rows.count == kreise.count)
        var stars = 0
        for row in rows {
            let csv = try #require(kreise[row[1].v], "\(row[1].v)")
            let total = try #require(csv["teilnehmende"])
            Self.expectMatch(total, row[3], column: "teilnehmende", at: "Inklusion \(row[1].v)")
            for (offset, column) in [(4, "teilnehmende_mit_behinderung"), (6, "teilnehmende_behinderung_unbekannt")] {
                let count = try #require(csv[column])
                Self.expectMatch(count, row[offset], column: column, at: "Inklusion \(row[1].v) \(column)")
                let share = row[offset + 1]
                if count == Suppression.symbol || total == Suppression.symbol {
                    #expect(share.t == "s" && share.v == Suppression.symbol, "Inklusion \(row[1].v): share beside a *")
                    stars += 1
                } else if let part = Int(count), let whole = Int(total), whole > 0 {
                    #expect(share.t == "n" && abs((Double(share.v) ?? .nan) - Double(part) / Double(whole)) < 0.000_6, "\(share)")
                }
            }
        }
        #expect(stars > 0)
    }

    /// Landscape A4 everywhere; a sheet too wide for one page at a readable scale prints at the
    /// minimum scale with its key columns and header row on every page, the others fit to width.
    @Test func everySheetPrintsLandscapeReadably() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let workbook = try Self.read(files.path + "/bericht.xlsx")
        for sheet in workbook.sheets {
            #expect(sheet.print.orientation == "landscape" && sheet.print.paperSize == "9", "\(sheet.name): \(sheet.print)")
            let scale = Int(sheet.print.scale) ?? 100
            #expect(sheet.print.fitToPage == "1" || scale >= WorkbookPrint.minimumScale, "\(sheet.name): \(sheet.print)")
        }
        let kreise = try workbook.sheet("Kreise")
        #expect(kreise.print.fitToPage != "1" && kreise.print.scale == String(WorkbookPrint.minimumScale), "\(kreise.print)")
        let titles = workbook.definedNames["_xlnm.Print_Titles"] ?? []
        #expect(titles.contains { $0.hasPrefix("Kreise!$A:$C") && $0.hasSuffix("$1:$1") }, "\(titles)")
        #expect(titles.contains { $0.hasPrefix("Projekte!") && $0.hasSuffix("$1:$1") }, "\(titles)")
        #expect(try workbook.sheet("Hessen").print.fitToPage == "1")
    }

    /// Same data, same bytes: two runs give identical workbooks, so the manifest's hash means something.
    @Test func sameDataSameBytes() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let first = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let second = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first.path + "/bericht.xlsx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second.path + "/bericht.xlsx"))))
        let manifest = try Manifest.decode(Array(try Data(contentsOf: URL(fileURLWithPath: first.path + "/manifest.json"))))
        #expect(manifest.files.contains { $0.name == "bericht.xlsx" && $0.size == bytes.count })
        #expect(Manifest.verify(folder: first.path).isEmpty)
    }
}

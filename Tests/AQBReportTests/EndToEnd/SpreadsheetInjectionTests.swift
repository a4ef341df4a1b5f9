import Foundation
import SwiftCSV
import Testing

@testable import AQBReport

/// Hostile text from the database, opened the way an analyst opens the files: in LibreOffice
/// Calc (headless), with formula evaluation on. No cell becomes a formula or a link, every text
/// cell shows the text of the file (the database text, behind a `'` where it began like a
/// formula), and every number, the negative ones included, stays a number with its value.
///
/// `UntrustedTextTests` proves what the CSV files hold; this suite proves what a spreadsheet makes
/// of it. A conversion takes about 2 to 4 s, so each test converts all its files at once.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct SpreadsheetInjectionTests {
    /// Runs the built binary on the hostile data; returns the report folder.
    static func report(_ database: TestDatabase, _ out: TemporaryFolder, format: CSVFormat = .de) throws -> String {
        try HostileText.load(into: database)
        let outcome = try CommandRunner.run([
            "report", "--year", String(HostileText.year), "--as-of", HostileText.asOf, "--out", out.path, "--db", database.reportConninfo,
            "--csv-format", format.rawValue,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return out.path + "/\(HostileText.year)/\(HostileText.asOf)"
    }

    /// A CSV file's rows, header first, as SwiftCSV reads them (byte order mark removed).
    static func fields(_ path: String, _ format: CSVFormat) throws -> [[String]] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let body = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        let csv = try CSV<Enumerated>(string: body, delimiter: format == .de ? .semicolon : .comma, loadColumns: false)
        return [csv.header] + csv.rows
    }

    /// The value of a field the report wrote as a number in `format`, else nil.
    static func number(_ field: String, _ format: CSVFormat) -> Decimal? {
        let separator: Character = format == .de ? "," : "."
        let digits = field.hasPrefix("-") ? field.dropFirst() : Substring(field)
        let parts = digits.split(separator: separator, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Decimal(string: field.replacingOccurrences(of: String(separator), with: "."), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A field that is a date (`2025-09-30`, or `30.09.2025` as German text writes it) as ISO
    /// text: Calc may read it as a date, which is as good as text for a date.
    static func isoDate(_ field: String) -> String? {
        guard field.count == 10 else { return nil }
        if CalendarDate(iso: field) != nil { return field }
        let parts = field.split(separator: ".")
        guard parts.count == 3, parts.map(\.count) == [2, 2, 4] else { return nil }
        let iso = "\(parts[2])-\(parts[1])-\(parts[0])"
        return CalendarDate(iso: iso) != nil ? iso : nil
    }

    /// Compares one field of a CSV file with the cell Calc made of it.
    static func check(_ field: String, _ cell: Spreadsheet.Cell, format: CSVFormat, at place: String) {
        #expect(cell.f == nil, "\(place): a formula \(cell.f ?? "")")
        #expect(cell.links == 0, "\(place): a link")
        if field.isEmpty {
            #expect(cell.isEmpty, "\(place): \(cell)")
        } else if let value = number(field, format) {
            #expect(
                cell.t == "float" && Decimal(string: cell.v, locale: Locale(identifier: "en_US_POSIX")) == value,
                "\(place): \(field) → \(cell)")
        } else if let date = isoDate(field), cell.t == "date" {
            #expect(cell.v == date, "\(place): \(field) → \(cell)")
        } else {
            #expect(
                cell.t == "string" && Spreadsheet.lineBreaksUnified(cell.text) == Spreadsheet.lineBreaksUnified(field),
                "\(place): \(field.debugDescription) → \(cell.t) \(cell.text.debugDescription)")
        }
    }

    @Test(arguments: CSVFormat.allCases)
    func everyCSVFileOpensWithTextAsTextAndNumbersAsNumbers(format: CSVFormat) throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        let folder = try Self.report(database, out, format: format)
        let names = out.list("\(HostileText.year)/\(HostileText.asOf)").filter { $0.hasSuffix(".csv") }
        #expect(names.contains("kreise.csv") && names.contains("werte.csv"))
        // werte.csv is always written as RFC 4180; the others in the chosen dialect.
        func dialect(_ name: String) -> CSVFormat { name == "werte.csv" ? .rfc4180 : format }
        // A control file beside them: unprefixed, the same text is a formula, so the filter
        // evaluates formulas and the reader sees them.
        let control = try TemporaryFolder()
        let separator = format.delimiter
        try Data("a\(separator)b\r\n=1+1\(separator)'=1+1\r\n".utf8).write(to: URL(fileURLWithPath: control.path + "/kontrolle.csv"))
        var opened: [String: Spreadsheet] = [:]
        for group in CSVFormat.allCases {
            var paths = names.filter { dialect($0) == group }.map { folder + "/" + $0 }
            if group == format { paths.append(control.path + "/kontrolle.csv") }
            guard !paths.isEmpty else { continue }
            opened.merge(try LibreOffice.open(paths, filter: LibreOffice.csvFilter(group))) { first, _ in first }
        }
        let kontrolle = try #require(opened["kontrolle.csv"]?.sheets.first)
        #expect(kontrolle.cell(1, 0).f == "of:=1+1", "the import filter evaluates formulas: \(kontrolle.cell(1, 0))")
        #expect(kontrolle.cell(1, 1).t == "string" && kontrolle.cell(1, 1).text == "'=1+1")

        for name in names {
            let fields = try Self.fields(folder + "/" + name, dialect(name))
            let sheet = try #require(opened[name]?.sheets.first, "\(name) was not opened")
            #expect(sheet.rows.count == fields.count, "\(name): \(sheet.rows.count) rows in Calc, \(fields.count) in the file")
            for (row, values) in fields.enumerated() {
                #expect((row < sheet.rows.count ? sheet.rows[row].count : 0) <= values.count, "\(name) row \(row + 1): more cells in Calc")
                for (column, field) in values.enumerated() {
                    Self.check(field, sheet.cell(row, column), format: dialect(name), at: "\(name) \(row + 1):\(column + 1)")
                }
            }
        }

        // What an analyst sees: the database text, behind a ' where it began like a formula.
        let kreise = try Self.fields(folder + "/kreise.csv", format)
        let sheet = try #require(opened["kreise.csv"]?.sheets.first)
        let header = kreise[0]
        let name = try #require(header.firstIndex(of: "name"))
        let spent = try #require(header.firstIndex(of: "ausgegeben_eur"))
        let share = try #require(header.firstIndex(of: "abfluss_prozent"))
        let changes = try #require(header.firstIndex(of: "budget_aenderungen_eur"))
        func row(_ ags: String) throws -> Int { try #require(kreise.firstIndex { $0.count > 1 && $0[1] == ags }, "no row \(ags)") }
        for (ags, text) in try HostileText.renamedKreise(database) {
            let cell = sheet.cell(try row(ags), name)
            #expect(cell.t == "string")
            #expect(
                Spreadsheet.lineBreaksUnified(cell.text) == Spreadsheet.lineBreaksUnified(SpreadsheetText.neutralized(text)),
                "\(ags): \(cell.text.debugDescription)")
        }
        #expect(sheet.cell(try row("06411"), name).text == "'=1+1", "what an analyst sees for =1+1")
        let negative = sheet.cell(try row(HostileText.negativeKreis), spent)
        #expect(negative.t == "float" && negative.v == HostileText.negativeSpending, "\(negative)")
        #expect(sheet.cell(try row(HostileText.negativeKreis), share).t == "float")
        #expect(sheet.cell(try row(HostileText.negativeKreis), share).v.hasPrefix("-"))
        let cut = sheet.cell(try row(HostileText.budgetCut.ags), changes)
        #expect(cut.t == "float" && cut.v.hasPrefix("-"), "\(cut)")
    }

    @Test func theWorkbookOpensWithTheDatabaseTextAsTextAndNoFormula() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        let folder = try Self.report(database, out)
        let workbook = try WorkbookTests.read(folder + "/bericht.xlsx")
        let calc = try #require(try LibreOffice.open([folder + "/bericht.xlsx"])["bericht.xlsx"])
        #expect(calc.sheets.map(\.name) == workbook.sheets.map(\.name))
        #expect(workbook.formulas == 0)
        for cell in calc.cells {
            #expect(cell.f == nil, "a formula: \(cell)")
            #expect(cell.links == 0, "a link: \(cell)")
        }
        // Cell by cell against the independent xlsx reader: text is text, numbers are numbers.
        for (stored, opened) in zip(workbook.sheets, calc.sheets) {
            for (row, cells) in stored.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    let seen = opened.cell(row, column)
                    let place = "\(stored.name) \(row + 1):\(column + 1)"
                    switch cell.t {
                    case "s":
                        #expect(
                            seen.t == "string"
                                && Spreadsheet.lineBreaksUnified(seen.text)
                                    == Spreadsheet.lineBreaksUnified(Spreadsheet.ooxmlDecoded(cell.v)),
                            "\(place): \(cell.v.debugDescription) → \(seen)")
                    case "n":
                        #expect(seen.isNumber && Double(seen.v) == Double(cell.v), "\(place): \(cell.v) → \(seen)")
                    default:
                        #expect(seen.isEmpty, "\(place): \(cell.t) → \(seen)")
                    }
                }
            }
        }
        // The Kreise sheet shows the database text exactly, without a ', and the negative amount.
        let kreise = try calc.sheet("Kreise")
        let texts = Set(kreise.rows.flatMap { $0 }.filter { $0.t == "string" }.map { Spreadsheet.lineBreaksUnified($0.text) })
        for (ags, text) in try HostileText.renamedKreise(database) {
            #expect(texts.contains(Spreadsheet.lineBreaksUnified(text)), "\(ags): \(text.debugDescription)")
        }
        let negative = kreise.rows.first { $0.contains { $0.text == HostileText.negativeKreis } }
        #expect(negative?.contains { $0.isNumber && $0.v == HostileText.negativeSpending } == true, "\(negative ?? [])")
    }

    @Test func theHTMLReportShowsTheHostileTextAsText() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        let folder = try Self.report(database, out)
        let summary = try HTMLReportTests.decode(HTMLReportTests.Summary.self, tool: "html_summary.py", [folder + "/bericht.html"])
        #expect(summary.active.isEmpty, "script, img and the like: \(summary.active)")
        #expect(summary.loading.isEmpty, "\(summary.loading)")
        #expect(summary.handlers.isEmpty)
        #expect(summary.text.contains("<script>alert(1)</script>"))
        // Pipes and line breaks in names split no row: every table is rectangular.
        for table in summary.tables {
            #expect(Set(table.map(\.count)).count == 1, "\(table.first ?? [])")
        }
    }
}

import Foundation
import Testing

@testable import AQBReport

/// `bericht.md`, the county sheets and their HTML pages written section by section in one pass
/// (`ReportDocuments`, `HTMLPageWriter`, `RenderPass`) are the files the whole texts made before
/// (issue 19): the Markdown is `MarkdownReport.text` and `CountySheet.text`, the HTML is what
/// rendering each whole Markdown text at once gave (with the tables marked on strings, as before
/// `HTMLTables.marked` worked on bytes), and the manifest's order is the formats'.
/// On a report with long lists (more than the writer's buffer per sheet) and hostile text.
@Suite struct ReportDocumentsTests {
    static func input() throws -> RenderInput {
        let kreise = [
            Gebietskoerperschaft(ags: "06411", name: "Darmstadt | =1+1", art: "kreisfreie Stadt", regierungsbezirk: .darmstadt),
            Gebietskoerperschaft(ags: "06611", name: "Kassel <b>", art: "kreisfreie Stadt", regierungsbezirk: .kassel),
        ]
        var builder = try ReportBuilder(
            year: 2025, asOf: #require(CalendarDate(iso: "2025-09-30")), kreise: kreise, budgets: [],
            massnahmenarten: [Category(code: "A", bezeichnung: "Ausbildung *", sortierung: 1)],
            rechtskreise: [Category(code: "SGB II", bezeichnung: "SGB II", sortierung: 1)])
        for id in 1...1_200 {
            var project = builder.newProject(
                id: id, ags: kreise[id % 2].ags, massnahmenart: 0, bewilligt: Cents(Int64(id) * 1_000), ausgegeben: Cents(Int64(id) * 7))
            project.titel = HostileText.texts[id % HostileText.texts.count] + " \(id)"
            project.traeger = id % 3 == 0 ? nil : "Träger „Nord“ \u{301}| \(id)"
            try builder.add(project)
        }
        var report = try builder.build()
        report.findings = (1...3_000).map { index in
            Finding(
                regel: index % 2 == 0 ? .ausgabeVorBescheid : .ausgegebenUeberBewilligt, ags: kreise[index % 2].ags, projektId: index,
                beschreibung: "Buchung \(index): " + HostileText.texts[index % HostileText.texts.count])
        }
        let context = ReportContext(erstelltAm: "01.10.2025, 08:00 Uhr", snapshotAm: "01.10.2025, 07:59 Uhr", neuesteBuchung: nil)
        return RenderInput(report: report, context: context, csvFormat: .de)
    }

    @Test func theMarkdownIsTheWholeTextOfEachDocument() throws {
        let input = try Self.input()
        let files = try MarkdownRenderer().files(for: input)
        let sheets = input.report.areas.indices.filter { input.report.areas[$0].ebene == .kreis }.map {
            CountySheet(report: input.report, context: input.context, area: $0)
        }
        #expect(files.map(\.name) == ["bericht.md"] + sheets.map(\.fileName))
        #expect(files.first?.bytes == Array(MarkdownReport(report: input.report, context: input.context).text.utf8))
        for (file, sheet) in zip(files.dropFirst(), sheets) {
            #expect(file.bytes == Array(sheet.text.utf8), "\(file.name)")
            #expect(file.bytes.count > FileWriter.bufferSize, "\(file.name)")
        }
    }

    @Test func theHTMLIsWhatRenderingTheWholeMarkdownGave() throws {
        let input = try Self.input()
        let files = try HTMLRenderer().files(for: input)
        let report = HTMLReport(report: input.report, context: input.context, charts: ReportCharts.all(input.report))
        let markdown = MarkdownReport(report: input.report, context: input.context).text
        let body = Self.inserting(report.chartsSection, afterFirstOf: Self.wrapped(Self.marked(CommonMark.html(markdown))))
        #expect(files.first?.name == HTMLReport.fileName)
        #expect(files.first?.bytes == Array(HTMLPage(title: report.title, body: body + report.kreisblaetter).text.utf8))
        let sheets = CountySheetHTML.all(report: input.report, context: input.context)
        #expect(files.dropFirst().map(\.name) == sheets.map(\.fileName))
        for (file, sheet) in zip(files.dropFirst(), sheets) {
            let sheetBody = CountySheetHTML.back + Self.wrapped(Self.marked(CommonMark.html(sheet.sheet.text)))
            #expect(file.bytes == Array(HTMLPage(title: sheet.title, body: sheetBody).text.utf8), "\(file.name)")
        }
    }

    /// Written together, the Markdown and the HTML are the files each format writes alone, and the
    /// manifest lists them where each format's turn put them (the workbook in between).
    @Test func oneSharedPassWritesWhatEachFormatWritesAlone() throws {
        let input = try Self.input()
        var shared = MemoryFiles()
        var pass = RenderPass(formats: ["md", "xlsx", "html"])
        #expect(pass.sharesDocuments)
        for renderer in pass.renderers { try pass.run(renderer, input, into: &shared) }
        let alone = try MarkdownRenderer().files(for: input) + WorkbookRenderer().files(for: input) + HTMLRenderer().files(for: input)
        #expect(shared.files.map(\.name) == alone.map(\.name))
        for (written, expected) in zip(shared.files, alone) { #expect(written.bytes == expected.bytes, "\(written.name)") }
    }

    /// The tables as `HTMLTables.marked` marked them on strings, before it worked on the page's
    /// bytes, with every cell measured as a string.
    static func marked(_ html: String) -> String {
        let tables = HTMLBytes.split(html, separator: "<table>")
        var result = tables[0]
        for chunk in tables.dropFirst() {
            var rows = chunk
            for cell in ["<td><strong>", "<td align=\"left\"><strong>"] {
                rows = HTMLBytes.replacing(rows, "<tr>\n" + cell, with: "<tr class=\"summe\">\n" + cell)
            }
            let firstHeader = HTMLBytes.split(rows, separator: "<th").dropFirst().first { $0.hasPrefix(">") || $0.hasPrefix(" ") }
                .map(visibleText)
            let isAreaTable = HTMLBytes.contains(rows, "<tr class=\"summe\">") && firstHeader == "Gebiet"
            let table = Array(HTMLBytes.split(rows, separator: "</table>")[0].utf8)
            var widths: [Int] = []
            for row in HTMLBytes.pieces(of: table, separator: "<tr", in: 0..<table.count).dropFirst() {
                var column = 0
                for part in HTMLBytes.pieces(of: table, separator: "<t", in: row).dropFirst() {
                    guard let cell = HTMLTables.cellText(table, part) else { continue }
                    let length =
                        cell.isHeader
                        ? cell.text.split(separator: " ").map(\.count).max() ?? 0
                        : cell.isRightAligned ? cell.text.count : min(cell.text.count, HTMLTables.wrappedText)
                    if widths.count <= column { widths.append(0) }
                    widths[column] = max(widths[column], length)
                    column += 1
                }
            }
            let width = HTMLTables.PrintWidth(columnWidths: widths)
            result += "<div class=\"tabelle \(width.rawValue)\">\n" + (isAreaTable ? "<table class=\"gebiete\">" : "<table>")
            result += HTMLBytes.replacing(rows, "</table>", with: "</table>\n</div>")
        }
        return result
    }

    static func visibleText(_ cell: String) -> String {
        var text = ""
        var inTag = true
        var inEntity = false
        for character in cell {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
            } else if inEntity {
                if character == ";" { inEntity = false }
            } else {
                if character == "&" { inEntity = true }
                text.append(character)
            }
        }
        return HTMLTables.trimmed(text)
    }

    /// The page as `HTMLSections` wrapped a whole rendered page before it was written section by
    /// section: each `<h2>` up to the next in a `<section>`.
    static func wrapped(_ html: String) -> String {
        let parts = html.components(separatedBy: "<h2>")
        var result = parts[0]
        for part in parts.dropFirst() {
            let isWide = part.contains("<div class=\"tabelle quer")
            result += "<section class=\"abschnitt" + (isWide ? " quer" : "") + "\">\n<h2>" + part + "</section>\n"
        }
        return result
    }

    /// `section` before the second section of `body`, or at its end, as before.
    static func inserting(_ section: String, afterFirstOf body: String) -> String {
        let opening = "<section class=\"abschnitt"
        let parts = body.components(separatedBy: opening)
        guard parts.count > 2 else { return body + section }
        return parts[0] + opening + parts[1] + section + opening + parts[2...].joined(separator: opening)
    }
}

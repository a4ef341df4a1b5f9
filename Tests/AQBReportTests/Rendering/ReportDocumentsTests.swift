import Foundation
import Testing

@testable import AQBReport

/// `bericht.md`, the county sheets and their HTML pages written section by section in one pass
/// (`ReportDocuments`, `HTMLPageWriter`, `RenderPass`) are the files the whole texts made before
/// (issue 19): the Markdown is `MarkdownReport.text` and `CountySheet.text`, the HTML is what
/// rendering each whole Markdown text at once gave, and the manifest's order is the formats'.
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
        let body = Self.inserting(report.chartsSection, afterFirstOf: Self.wrapped(HTMLTables.marked(CommonMark.html(markdown))))
        #expect(files.first?.name == HTMLReport.fileName)
        #expect(files.first?.bytes == Array(HTMLPage(title: report.title, body: body + report.kreisblaetter).text.utf8))
        let sheets = CountySheetHTML.all(report: input.report, context: input.context)
        #expect(files.dropFirst().map(\.name) == sheets.map(\.fileName))
        for (file, sheet) in zip(files.dropFirst(), sheets) {
            let sheetBody = CountySheetHTML.back + Self.wrapped(HTMLTables.marked(CommonMark.html(sheet.sheet.text)))
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

import Foundation
import Testing

@testable import AQBReport

/// `bericht.html` and the SVG charts, read back by Python's own HTML and XML parsers
/// (Fixtures/tools/html_summary.py, svg_check.py): the Markdown's tables with the same cells, data
/// as text, nothing active or loaded, charts well-formed, labelled and reproducible.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct HTMLReportTests {
    struct Summary: Decodable {
        struct Chart: Decodable {
            var title: String
            var desc: String
        }
        var lang: String?
        var tables: [[[String]]]
        var active: [String]
        var loading: [String]
        var handlers: [String]
        var links: [String]
        var summe: [String]
        var svgs: [Chart]
        var text: String
    }

    struct SVGFile: Decodable {
        var root: String
        var title: String?
        var desc: String?
        var texts: [String]
        var tooltips: [String]
        var external: [String]
    }

    static let chartFiles = ["grafik-mittelabfluss.svg", "grafik-rechtskreise.svg", "grafik-massnahmenarten.svg"]

    static func files(_ database: TestDatabase, disclosureControl: Bool = true) throws -> ReportFiles {
        try database.loadSample()
        let name = WorkbookTests.hostileName.replacingOccurrences(of: "'", with: "''")
        try database.load("UPDATE aqb.gebietskoerperschaft SET name = '\(name)' WHERE ags = '06437'")
        return try ReportFiles(database: database, year: 2024, asOf: "2025-09-30", disclosureControl: disclosureControl)
    }

    static func decode<T: Decodable>(_ type: T.Type, tool: String, _ arguments: [String]) throws -> T {
        let outcome = try ToolRunner.run("python3", [Repository.fixtures + "/tools/" + tool] + arguments)
        #expect(outcome.status == 0, "\(tool): \(outcome.stderr)")
        return try JSONDecoder().decode(T.self, from: Data(outcome.stdout.utf8))
    }

    /// A cell of Debian's cmark-gfm output as text: tags dropped (data `<` are escaped there), entities decoded.
    static func plain(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        return Cmark.text(text).trimmingCharacters(in: .whitespaces)
    }

    @Test(arguments: [true, false])
    func holdsTheMarkdownTablesCellForCellWithDataAsText(disclosureControl: Bool) throws {
        let database = try TestDatabase()
        let files = try Self.files(database, disclosureControl: disclosureControl)
        let summary = try Self.decode(Summary.self, tool: "html_summary.py", [files.path + "/bericht.html"])
        #expect(summary.lang == "de")
        // The tables of areas indent their Kreise (`HTMLTables`).
        #expect(try String(contentsOfFile: files.path + "/bericht.html", encoding: .utf8).contains("<table class=\"gebiete\">"))
        #expect(summary.active.isEmpty, "script, iframe, img and the like: \(summary.active)")
        #expect(summary.loading.isEmpty, "attributes that load something: \(summary.loading)")
        #expect(summary.handlers.isEmpty)
        // The reference: bericht.md rendered by Debian's cmark-gfm program, a separate reader.
        let reference = Cmark.tables(try Cmark.html(try files.text("bericht.md")))
        #expect(summary.tables.count == reference.count)
        #expect(summary.tables.count >= 6)
        for (html, markdown) in zip(summary.tables, reference) {
            #expect(html == [markdown.header.map(Self.plain)] + markdown.rows.map { $0.map(Self.plain) })
        }
        let suppressed = summary.tables.flatMap { $0.flatMap { $0 } }.filter { $0 == Suppression.symbol }.count
        #expect(disclosureControl ? suppressed > 0 : suppressed == 0)
        #expect(summary.text.contains(WorkbookTests.hostileName))
        // Land and Regierungsbezirke are set apart in each table of areas (the same number of
        // times each, in at least the three original ones), Kreise never.
        let sums = try files.kreise().values.filter { $0["ebene"] != Ebene.kreis.rawValue }.compactMap { $0["name"] }
        #expect(sums.count == 4)
        let times = Dictionary(grouping: summary.summe, by: { $0 }).mapValues(\.count)
        #expect(Set(times.keys) == Set(sums))
        #expect(Set(times.values).count == 1 && (times.values.first ?? 0) >= 3, "\(times)")
        #expect(summary.svgs.count == Self.chartFiles.count)
        #expect(summary.svgs.allSatisfy { !$0.title.isEmpty && !$0.desc.isEmpty })
        // One link per Kreis, each to its HTML county sheet beside the page.
        let kreise = try files.kreise().values.filter { $0["ebene"] == Ebene.kreis.rawValue }
        #expect(summary.links.count == kreise.count)
        try Self.expectLocalLinks(summary.links, from: files.path)
    }

    /// Every link names a file of the report folder by a relative path: no scheme, no host, no
    /// absolute path, and the file is there.
    static func expectLocalLinks(_ links: [String], from folder: String) throws {
        for link in links {
            #expect(!link.contains(":") && !link.hasPrefix("/") && !link.contains("?") && !link.contains("#"), "\(link)")
            #expect(FileManager.default.fileExists(atPath: folder + "/" + link), "\(link) from \(folder)")
        }
    }

    /// `kreise/<ags>-<slug>.html` beside each Markdown sheet: the same tables cell for cell (the
    /// Markdown read by Debian's cmark-gfm), the same stylesheet, data as text, a link back to
    /// the report, and listed in the manifest so `verify` checks them.
    @Test func countySheetsAsHTMLHoldTheMarkdownSheetsTables() throws {
        let database = try TestDatabase()
        let files = try Self.files(database)
        let names = try FileManager.default.contentsOfDirectory(atPath: files.path + "/kreise").sorted()
        let markdown = names.filter { $0.hasSuffix(".md") }
        let html = names.filter { $0.hasSuffix(".html") }
        #expect(markdown.count == 26 && html.count == markdown.count)
        #expect(html == markdown.map { String($0.dropLast(3)) + ".html" })
        let report = try files.text(HTMLReport.fileName)
        let style = try #require(
            report.range(of: "<style>").flatMap { start in report.range(of: "</style>").map { report[start.lowerBound..<$0.upperBound] } })
        for name in html {
            let path = files.path + "/kreise/" + name
            let summary = try Self.decode(Summary.self, tool: "html_summary.py", [path])
            #expect(summary.lang == "de" && summary.active.isEmpty && summary.loading.isEmpty && summary.handlers.isEmpty, "\(name)")
            #expect(summary.links == ["../" + HTMLReport.fileName], "\(name)")
            try Self.expectLocalLinks(summary.links, from: files.path + "/kreise")
            let reference = Cmark.tables(try Cmark.html(try files.text("kreise/" + String(name.dropLast(5)) + ".md")))
            #expect(summary.tables.count == reference.count && !reference.isEmpty, "\(name)")
            for (table, markdownTable) in zip(summary.tables, reference) {
                #expect(table == [markdownTable.header.map(Self.plain)] + markdownTable.rows.map { $0.map(Self.plain) }, "\(name)")
            }
            #expect(try files.text("kreise/" + name).contains(style), "\(name): the report's stylesheet")
        }
        let odenwald = try #require(html.first { $0.hasPrefix("06437-") })
        #expect(
            try Self.decode(Summary.self, tool: "html_summary.py", [files.path + "/kreise/" + odenwald]).text.contains(
                WorkbookTests.hostileName))
        let manifest = try Manifest.decode(Array(try Data(contentsOf: URL(fileURLWithPath: files.path + "/" + Manifest.fileName))))
        #expect(html.allSatisfy { name in manifest.files.contains { $0.name == "kreise/" + name } })
        #expect(Manifest.verify(folder: files.path).isEmpty)
    }

    @Test func chartFilesAreWellFormedLabelledAndReproducible() throws {
        let database = try TestDatabase()
        let first = try Self.files(database)
        let second = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30")
        let parsed = try Self.decode([String: SVGFile].self, tool: "svg_check.py", Self.chartFiles.map { first.path + "/" + $0 })
        #expect(parsed.keys.sorted() == Self.chartFiles.sorted())
        for (name, chart) in parsed {
            #expect(chart.root == "{http://www.w3.org/2000/svg}svg", "\(name)")
            #expect(chart.title?.isEmpty == false && chart.desc?.isEmpty == false, "\(name)")
            #expect(chart.external.isEmpty, "\(name)")
        }
        #expect(parsed["grafik-mittelabfluss.svg"]?.texts.contains { $0.hasPrefix(WorkbookTests.hostileName) } == true)
        for name in Self.chartFiles + ["bericht.html"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: first.path + "/" + name))
            #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second.path + "/" + name))), "\(name)")
        }
        #expect(Manifest.verify(folder: first.path).isEmpty)
    }
}

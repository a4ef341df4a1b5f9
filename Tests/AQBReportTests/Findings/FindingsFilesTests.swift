import Foundation
import Testing

@testable import AQBReport

/// The findings as they reach the files: `auffaelligkeiten.csv` read back with a CSV parser,
/// the section of `bericht.md` rendered by cmark-gfm, the sample data triggering every rule.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct FindingsFilesTests {
    /// `auffaelligkeiten.csv` as rows of column name → value.
    static func rows(_ files: ReportFiles) throws -> [[String: String]] {
        let (header, rows) = try files.rows("auffaelligkeiten.csv")
        #expect(header == FindingsCSV.header)
        for row in rows { #expect(row.count == header.count, "\(row)") }
        return rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func theSampleDataTriggerEveryRule() throws {
        let database = try TestDatabase()
        try database.loadSample()
        var codes = Set<String>()
        for year in [2024, 2025, 2023] {
            let files = try ReportFiles(database: database, year: year, asOf: "2025-09-30")
            codes.formUnion(try Self.rows(files).compactMap { $0["regel"] })
        }
        #expect(codes == Set(FindingRule.allCases.map(\.code)))
    }

    /// The example, to the cent, and in agreement with `kreise.csv`.
    @Test(arguments: CSVFormat.allCases)
    func grossGerauApprovedMoreThanItsBudget2024(format: CSVFormat) throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30", format: format)
        let rows = try Self.rows(files)
        let finding = try #require(rows.first { $0["regel"] == "BEWILLIGT_UEBER_BUDGET" && $0["ags"] == "06433" })
        #expect(finding["schwere"] == "Fehler")
        #expect(finding["projekt_id"] == "")
        #expect(
            finding["beschreibung"]
                == "Bewilligt 1.230.049,40\u{A0}€ bei einem Budget von 1.208.300,00\u{A0}€ zum Stichtag: 21.749,40\u{A0}€ über dem Budget.")
        let kreis = try #require(try files.kreise()["06433"])
        let separator = format.decimalSeparator
        #expect(kreis["bewilligt_eur"] == "1230049\(separator)40")
        #expect(kreis["budget_eur"] == "1208300\(separator)00")
    }

    @Test(arguments: CSVFormat.allCases)
    func theCSVIsOrderedBySeverityAreaAndProject(format: CSVFormat) throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", format: format)
        let rows = try Self.rows(files)
        #expect(rows.count >= FindingRule.allCases.count - 1)
        let keys = rows.map { row in
            (
                Schwere(rawValue: row["schwere"] ?? "").map { Schwere.allCases.firstIndex(of: $0) ?? 9 } ?? 9, row["ags"] ?? "",
                Int(row["projekt_id"] ?? "") ?? Int.min, row["regel"] ?? ""
            )
        }
        for (before, after) in zip(keys, keys.dropFirst()) { #expect(before <= after, "\(before) before \(after)") }
        #expect(keys.allSatisfy { $0.0 < 3 }, "every severity is one of Fehler, Warnung, Hinweis")
    }

    @Test func theMarkdownSectionShowsTheSameFindings() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let rows = try Self.rows(files)
        let html = try Cmark.html(try files.text("bericht.md"))
        #expect(html.contains("<h2>Auffälligkeiten</h2>"))
        let table = try #require(Cmark.tables(html).first { $0.header.first == "Schwere" })
        #expect(table.header == ["Schwere", "Regel", "Gebiet", "AGS", "Projekt", "Beschreibung"])
        #expect(table.rows.count == rows.count)
        for (rendered, csv) in zip(table.rows, rows) {
            #expect(rendered.count == 6)
            #expect(Cmark.text(rendered[0]) == csv["schwere"])
            #expect(Cmark.text(rendered[1]) == csv["regel"])
            #expect(Cmark.text(rendered[3]) == csv["ags"])
            #expect(Cmark.text(rendered[5]) == csv["beschreibung"])
        }
        let groups = try #require(table.rows.first { Cmark.text($0[1]) == "TEILNAHME_ENDE_VOR_BEGINN" })
        #expect(Cmark.text(groups[2]) == "Frankfurt am Main")
        // The rule catalogue follows, one line per rule.
        for rule in FindingRule.allCases { #expect(html.contains("<code>\(rule.code)</code> (\(rule.schwere.rawValue))")) }
    }

    @Test func aYearWithoutDataSaysSoInEveryFormat() throws {
        let database = try TestDatabase()
        let files = try ReportFiles(database: database, year: 2023, asOf: "2025-09-30")
        let rows = try Self.rows(files)
        #expect(rows.map { $0["regel"] } == ["JAHR_OHNE_DATEN"])
        #expect(rows.first?["ags"] == "")
        let html = try Cmark.html(try files.text("bericht.md"))
        let table = try #require(Cmark.tables(html).first { $0.header.first == "Schwere" })
        #expect(table.rows.map { Cmark.text($0[2]) } == ["Hessen"])
    }

    /// Titles and Träger names with the characters that break files: the CSV keeps five
    /// columns, the Markdown table six cells, HTML in a title stays text, and a description
    /// stays one line.
    @Test(arguments: CSVFormat.allCases)
    func hostileTitlesDoNotBreakTheFiles(format: CSVFormat) throws {
        let database = try TestDatabase()
        let title = "=HYPERLINK(\"x\";\"y\") | *fett* <b>html</b>\r\nzweite Zeile;\t[a](b) `c` # d"
        let traeger = "@Träger; \"GmbH\" | _x_"
        try database.load(
            """
            INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur) VALUES ('06411', 2025, 1000.00);
            INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, traeger, bewilligt_eur, bescheid_am)
                VALUES (7, '06411', 2025, 'AQV', $t$\(title)$t$, $t$\(traeger)$t$, 10.00, '2025-03-01');
            INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur) VALUES (1, 7, '2025-04-01', 20.00);
            """)
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", format: format)
        let rows = try Self.rows(files).filter { $0["projekt_id"] == "7" }
        #expect(Set(rows.compactMap { $0["regel"] }) == ["AUSGEGEBEN_UEBER_BEWILLIGT", "AUSGABEN_OHNE_TEILNEHMENDE"])
        let oneLine = "=HYPERLINK(\"x\";\"y\") | *fett* <b>html</b>  zweite Zeile; [a](b) `c` # d"
        for row in rows {
            let text = try #require(row["beschreibung"])
            #expect(text.hasPrefix("Projekt „\(oneLine)“ (Träger: \(traeger)): "), "\(text)")
            #expect(!text.contains("\n") && !text.contains("\r") && !text.contains("\t"))
        }
        let html = try Cmark.html(try files.text("bericht.md"))
        #expect(!html.contains("<b>html</b>"), "HTML from the database must stay text")
        let table = try #require(Cmark.tables(html).first { $0.header.first == "Schwere" })
        let ours = table.rows.filter { Cmark.text($0[4]) == "7" }
        #expect(ours.count == 2)
        for row in ours {
            #expect(row.count == 6)
            #expect(Cmark.text(row[5]).hasPrefix("Projekt „\(oneLine)“ (Träger: \(traeger)): "))
        }
    }

    /// The run today: an all-zero report, status 0, and now a warning naming the finding.
    @Test func aYearWithoutDataWarnsInTheLogAndEndsWithZero() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        let run = try CommandRunner.run([
            "report", "--year", "2023", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo, "--format", "csv",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning") && run.stderr.contains("JAHR_OHNE_DATEN"), "\(run.stderr)")
        #expect(try out.read("2023/2025-09-30/auffaelligkeiten.csv").contains("Fehler;JAHR_OHNE_DATEN;;;"))
        let bad = try CommandRunner.run([
            "report", "--year", "2023", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
            "--pro-rata-margin", "101",
        ])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--pro-rata-margin"), "\(bad.stderr)")
    }

    @Test func aDescriptionThatLooksLikeAFormulaIsWrittenAsText() {
        let finding = Finding(regel: .budgetNegativ, ags: "=1", projektId: nil, beschreibung: "-1+1")
        let csv = String(decoding: FindingsCSV(findings: [finding], format: .rfc4180).bytes, as: UTF8.self)
        #expect(csv == "schwere,regel,ags,projekt_id,beschreibung\r\nFehler,BUDGET_NEGATIV,'=1,,'-1+1\r\n")
    }
}

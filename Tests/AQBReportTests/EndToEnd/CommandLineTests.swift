import Foundation
import Testing

@testable import AQBReport

/// The binary end to end: what cron and an operator see. Each failure is one line on stderr
/// naming the problem and the fix, a documented status, and no report folder.
@Suite struct CommandLineTests {
    @Test func writesTheReportAndPrintsOnlyTheFolders() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--year", "2025", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(out.path)/2024/2025-09-30\n\(out.path)/2025/2025-09-30\n")
        for year in ["2024", "2025"] {
            #expect(out.list(year) == ["2025-09-30", "latest"])
            #expect(
                out.list(year + "/2025-09-30") == [
                    "auffaelligkeiten.csv", "bericht.html", "bericht.md", "bericht.xlsx", "budgetaenderungen.csv",
                    "foerderschwerpunkte.csv",
                    "grafik-massnahmenarten.svg", "grafik-mittelabfluss.svg", "grafik-rechtskreise.svg", "haushaltsjahre.csv", "kreise",
                    "kreise.csv", "manifest.json", "massnahmenarten.csv", "projekte.csv", "rechtskreise.csv", "vorjahr.csv", "werte.csv",
                ])
            let kreise = try ReportFiles.parse(folder: out.path + "/" + year + "/2025-09-30", format: .de).values
            // One county sheet per Kreis, as Markdown and as HTML.
            let sheets = out.list(year + "/2025-09-30/kreise")
            let count = kreise.filter { $0["ebene"] == "Kreis" }.count
            #expect(sheets.filter { $0.hasSuffix(".md") }.count == count && sheets.filter { $0.hasSuffix(".html") }.count == count)
            #expect(sheets.count == 2 * count)
        }
        #expect(result.stderr.contains("done:"))
    }

    @Test(arguments: [
        (["report", "--bogus"], "--bogus"),
        (["report", "--as-of", "30.09.2025"], "YYYY-MM-DD"),
        (["report", "--as-of", "2025-02-29"], "YYYY-MM-DD"),
        (["report", "--year", "2025", "--as-of", "2024-12-31"], "before 1 January 2025"),
        (["report", "--year", "abc"], "--year"),
        (["report", "--csv-format", "excel"], "de, rfc4180"),
    ])
    func rejectsBadUsageWith64(arguments: [String], mentions: String) throws {
        let out = try TemporaryFolder()
        let result = try CommandRunner.run(arguments + ["--out", out.path + "/reports", "--db", "dbname=nonexistent"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(!out.exists("reports"))
    }

    @Test func databaseWithoutSchemaIs65() throws {
        let admin = try PGConnection(conninfo: "dbname=postgres")
        let name = "t_noschema_\(UUID().uuidString.prefix(8).lowercased())"
        try admin.execute("CREATE DATABASE \(name)")
        defer { try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--db", "dbname=\(name)",
        ])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("sql/schema"))
        #expect(out.list("2024").isEmpty)
    }

    @Test func codeMissingFromAReferenceTableIs65NamingTableIdAndCode() throws {
        let database = try TestDatabase()
        try database.load(String(contentsOfFile: Repository.fixtures + "/figures.sql", encoding: .utf8))
        try database.load(
            """
            ALTER TABLE aqb.projekt DROP CONSTRAINT projekt_massnahmenart_fkey;
            INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, bewilligt_eur) VALUES (77, '06411', 2024, 'XYZ', 'kaputt', 0);
            """)
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("projekt 77") && result.stderr.contains("'XYZ'") && result.stderr.contains("aqb.massnahmenart"))
        #expect(out.list("2024").isEmpty)

        try database.load(
            """
            DELETE FROM aqb.projekt WHERE id = 77;
            ALTER TABLE aqb.teilnahme DROP CONSTRAINT teilnahme_rechtskreis_fkey;
            INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt) VALUES (88, 3, 'SGB XIV', '2024-01-01');
            """)
        let second = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        #expect(second.status == 65)
        #expect(second.stderr.contains("teilnahme 88") && second.stderr.contains("'SGB XIV'") && second.stderr.contains("aqb.rechtskreis"))
        #expect(out.list("2024").isEmpty)
    }

    @Test func unreachableDatabaseIs69AndNeverLogsThePassword() throws {
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--connect-attempts", "1",
            "--db", "host=/nonexistent port=1 user=aqb password=Geheim-123 dbname=aqb",
        ])
        #expect(result.status == 69, "\(result.stderr)")
        #expect(!result.stderr.contains("Geheim-123"))
        #expect(!result.stdout.contains("Geheim-123"))
        #expect(result.stderr.contains("cannot reach the database"))
        let uri = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--connect-attempts", "1",
            "--db", "postgresql://aqb:Geheim-123@localhost:1/aqb",
        ])
        #expect(uri.status == 69)
        #expect(!uri.stderr.contains("Geheim-123"))
    }

    @Test func outputBaseThatIsAFileIs73() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        FileManager.default.createFile(atPath: out.path + "/reports", contents: Data("x".utf8))
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path + "/reports", "--db", database.reportConninfo,
        ])
        #expect(result.status == 73)
        #expect(result.stderr.contains("is a file"))
        #expect(try out.read("reports") == "x")
    }

    @Test func errorsAreOneLineOnStderr() throws {
        let out = try TemporaryFolder()
        let result = try CommandRunner.run(["report", "--year", "2025", "--as-of", "2024-12-31", "--out", out.path])
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

extension CommandLineTests {
    @Test func retriesAnUnreachableDatabaseWithBackoffThenGivesUp() throws {
        let out = try TemporaryFolder()
        var environment = CommandRunner.databaseEnvironment
        environment["AQB_CONNECT_BACKOFF_MS"] = "50"
        let result = try CommandRunner.run(
            [
                "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--connect-attempts", "3", "--db",
                "host=/nonexistent port=1",
            ],
            environment: environment)
        #expect(result.status == 69)
        #expect(result.stderr.contains("attempt 1 of 3") && result.stderr.contains("attempt 2 of 3"))
        #expect(!result.stderr.contains("attempt 3 of 3"))
    }

    @Test(arguments: [
        ["--keep", "0"], ["--connect-attempts", "0"], ["--log-level", "loud"], ["--max-booking-age-days", "-1"], ["--year", "99999"],
    ])
    func invalidFlagValuesAre64(flag: [String]) throws {
        let out = try TemporaryFolder()
        let result = try CommandRunner.run(["report", "--as-of", "2025-09-30", "--out", out.path + "/r"] + flag)
        #expect(result.status == 64, "\(flag): \(result.stderr)")
        #expect(result.stderr.contains(flag[0]), "\(result.stderr)")
        #expect(!out.exists("r"))
    }
}

extension CommandLineTests {
    @Test func aYearGivenTwiceIsReportedOnce() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(out.path)/2024/2025-09-30\n")
    }
}

/// The one switch for what is written: every format is a renderer of one list, and `formats`
/// picks from it.
@Suite struct FormatSwitchTests {
    @Test func onlyTheFormatsNamedAreWritten() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
            "--format", "csv", "--format", "xlsx",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            out.list("2024/2025-09-30") == [
                "auffaelligkeiten.csv", "bericht.xlsx", "budgetaenderungen.csv", "foerderschwerpunkte.csv", "haushaltsjahre.csv",
                "kreise.csv", "manifest.json",
                "massnahmenarten.csv", "projekte.csv", "rechtskreise.csv", "vorjahr.csv",
            ])
        let verify = try CommandRunner.run(["verify", out.path + "/2024/2025-09-30"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func anUnknownFormatIsAUsageErrorNamingTheChoices() throws {
        let out = try TemporaryFolder()
        let result = try CommandRunner.run(["report", "--format", "pdf", "--out", out.path + "/r", "--db", "dbname=nonexistent"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("csv, md, werte, xlsx, html, svg"), "\(result.stderr)")
    }

    @Test func theListOfFormatsIsTheListOfRenderers() {
        #expect(ReportRenderers.names == ["csv", "md", "werte", "xlsx", "html", "svg"])
        #expect(ReportRenderers.selected(nil).count == ReportRenderers.all.count)
        #expect(ReportRenderers.selected(["svg", "csv"]).map(\.format) == ["csv", "svg"])
    }
}

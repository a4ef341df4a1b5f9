import Foundation
import Testing

@testable import AQBReport

/// Snapshot, locks, a database that goes away, metrics, freshness and cron-like runs.
@Suite struct RunControlTests {
    /// Waits until the report's session is blocked on a lock, so a test can act "in the middle".
    func waitUntilBlocked(_ database: TestDatabase) throws -> String {
        for _ in 0..<200 {
            let result = try database.connection.query(
                "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'aqb-report' AND wait_event_type = 'Lock'"
            )
            if result.rowCount > 0, let pid = result.row(0).string(0) { return pid }
            usleep(50_000)
        }
        throw ConfigError("the report never blocked")
    }

    @Test func allYearsComeFromOneSnapshot() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let before = try database.connection.query(
            "SELECT sum(a.betrag_eur)::text FROM aqb.ausgabe a JOIN aqb.projekt p ON p.id = a.projekt_id WHERE p.jahr = 2025 AND a.buchungstag <= '2025-09-30'"
        ).row(0).string(0)
        // Hold up the report on its first read of teilnahme (year 2024), book for 2025 meanwhile.
        let blocker = try PGConnection(conninfo: database.conninfo)
        try blocker.execute("BEGIN; LOCK TABLE aqb.teilnahme IN ACCESS EXCLUSIVE MODE")
        let running = try CommandRunner.Running([
            "report", "--year", "2024", "--year", "2025", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        _ = try waitUntilBlocked(database)
        try database.load(
            "INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur) SELECT 999999999, min(id), '2025-06-01', 1000000.00 FROM aqb.projekt WHERE jahr = 2025"
        )
        try blocker.execute("COMMIT")
        let outcome = running.finish()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let files = try ReportFiles.parse(folder: out.path + "/2025/2025-09-30", format: .de)
        #expect(
            files["06"]?["ausgegeben_eur"] == before?.replacingOccurrences(of: ".", with: ","),
            "the 2025 file must not see the booking made during the run")
    }

    @Test func secondRunOnTheSameOutputIs75() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        let lock = try RunLock(base: out.path, description: "pid 4242, started in a test")
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        #expect(result.status == 75)
        #expect(result.stderr.contains("pid 4242"))
        #expect(out.list().allSatisfy { $0.hasPrefix(".") }, "nothing written")
        withExtendedLifetime(lock) {}
    }

    @Test func secondRunOnTheSameDatabaseIs75() throws {
        let database = try TestDatabase()
        let holder = try PGConnection(conninfo: database.reportConninfo, applicationName: "aqb-report-other")
        #expect(try holder.query(ReportQuery.runLock.sql).row(0).string(0) == "t")
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        #expect(result.status == 75, "\(result.stderr)")
        #expect(result.stderr.contains("aqb-report-other"))
        #expect(out.list("2024").isEmpty)
    }

    @Test func databaseGoingAwayMidRunIs69AndKeepsThePreviousReport() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let arguments = [
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo, "--connect-attempts",
            "1",
        ]
        #expect(try CommandRunner.run(arguments).status == 0)
        let before = try out.bytes("2024/2025-09-30/kreise.csv")
        let blocker = try PGConnection(conninfo: database.conninfo)
        try blocker.execute("BEGIN; LOCK TABLE aqb.teilnahme IN ACCESS EXCLUSIVE MODE")
        let running = try CommandRunner.Running(arguments)
        let pid = try waitUntilBlocked(database)
        _ = try database.connection.query("SELECT pg_terminate_backend($1::int)", [pid])
        let outcome = running.finish()
        try blocker.execute("ROLLBACK")
        #expect(outcome.status == 69, "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").filter { $0.contains(" error ") }.count == 1)
        #expect(try out.bytes("2024/2025-09-30/kreise.csv") == before)
        #expect(Manifest.verify(folder: out.path + "/2024/2025-09-30").isEmpty)
    }

    @Test func metricsRecordSuccessAndKeepItAfterAFailure() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let metrics = out.path + "/aqb.prom"
        let ok = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path + "/r", "--db", database.reportConninfo,
            "--metrics-file",
            metrics,
        ])
        #expect(ok.status == 0)
        let first = try out.read("aqb.prom")
        #expect(first.contains("aqb_report_last_exit_status 0\n"))
        #expect(first.contains("aqb_report_rows_read{year=\"2024\",table=\"ausgabe\"} "))
        let success = try #require(
            first.split(separator: "\n").first { $0.hasPrefix("aqb_report_last_success_timestamp_seconds{year=\"2024\"}") })
        let failed = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path + "/r", "--db", "dbname=nonexistent_db",
            "--connect-attempts", "1", "--metrics-file", metrics,
        ])
        #expect(failed.status == 69)
        let second = try out.read("aqb.prom")
        #expect(second.contains("aqb_report_last_exit_status 69\n"))
        #expect(second.contains(String(success)), "the last success survives a failed run")
        #expect(!out.list().contains { $0.contains(".tmp") })
    }

    @Test func staleFeedWarnsAndCanFail() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let arguments = [
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
            "--max-booking-age-days",
            "3",
        ]
        let warned = try CommandRunner.run(arguments)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("warning"))
        #expect(try out.read("2024/2025-09-30/bericht.md").contains("**Warnung:**"))
        let failed = try CommandRunner.run(arguments + ["--stale-is-error"])
        #expect(failed.status == 65)
        #expect(Manifest.verify(folder: out.path + "/2024/2025-09-30").isEmpty, "the report is still written")
        let fresh = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
            "--max-booking-age-days",
            "100000", "--stale-is-error",
        ])
        #expect(fresh.status == 0)
        // Not stale; the sample's booking of 2099 still gets its own warning (finding BUCHUNG_NACH_DATENSTAND).
        #expect(!(try out.read("2024/2025-09-30/bericht.md").contains("möglicherweise nicht aktuell")))
    }

    @Test func runsUnderCronLikeConditions() throws {
        let database = try TestDatabase()
        try database.loadSample()
        // A good run: without the sample's booking dated 2099 (sql/sample/002_findings.sql), which
        // is a data error the run rightly warns about.
        try database.load("DELETE FROM aqb.ausgabe WHERE buchungstag > current_date")
        let out = try TemporaryFolder()
        var environment = CommandRunner.databaseEnvironment
        environment["PATH"] = "/usr/bin:/bin"
        let result = try CommandRunner.run(
            [
                "report", "--year", "2024", "--as-of", "2025-09-30", "--out", "reports", "--db", database.reportConninfo, "--log-level",
                "warning",
            ],
            environment: environment, currentDirectory: out.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "at log level warning a good run is silent on stderr: \(result.stderr)")
        #expect(result.stdout == "reports/2024/2025-09-30\n")
        #expect(Manifest.verify(folder: out.path + "/reports/2024/2025-09-30").isEmpty)
    }

    @Test(.enabled(if: getuid() == 0, "switching to an unprivileged user needs root"))
    func runsAsAnUnprivilegedUser() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        try Shell.run("chown", "nobody", out.path)
        try Shell.run("chmod", "755", out.path)
        // The build folder may sit under a home the unprivileged user cannot enter: run a copy.
        let binary = out.path + "/aqb-report"
        try FileManager.default.copyItem(atPath: CommandRunner.binary, toPath: binary)
        try Shell.run("chmod", "755", binary)
        var arguments = ["runuser", "-u", "nobody", "--", "env", "-i", "PATH=/usr/bin:/bin"]
        arguments += CommandRunner.databaseEnvironment.map { "\($0.key)=\($0.value)" }
        arguments += [
            binary, "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path + "/reports", "--db",
            database.reportConninfo,
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(Manifest.verify(folder: out.path + "/reports/2024/2025-09-30").isEmpty)
    }

    @Test func configurationErrorsAre78AndPrecedenceHolds() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let config = out.path + "/config.yaml"
        try "out: \(out.path)/from-file\ncsv_format: rfc4180\n".write(toFile: config, atomically: true, encoding: .utf8)
        var environment = CommandRunner.databaseEnvironment
        environment["PATH"] = "/usr/bin:/bin"
        let base = ["report", "--config", config, "--year", "2024", "--as-of", "2025-09-30", "--db", database.reportConninfo]
        #expect(try CommandRunner.run(base, environment: environment).stdout == "\(out.path)/from-file/2024/2025-09-30\n")
        environment["AQB_OUT"] = out.path + "/from-env"
        #expect(try CommandRunner.run(base, environment: environment).stdout == "\(out.path)/from-env/2024/2025-09-30\n")
        #expect(
            try CommandRunner.run(base + ["--out", out.path + "/from-flag"], environment: environment).stdout
                == "\(out.path)/from-flag/2024/2025-09-30\n")
        #expect(try out.read("from-flag/2024/2025-09-30/kreise.csv").hasPrefix("ebene,ags"), "csv_format from the file still applies")

        try "keep: many\n".write(toFile: config, atomically: true, encoding: .utf8)
        let bad = try CommandRunner.run(base, environment: environment)
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("'keep'") && bad.stderr.contains(config))
        environment["AQB_KEEP"] = "0"
        try "out: x\n".write(toFile: config, atomically: true, encoding: .utf8)
        let badEnvironment = try CommandRunner.run(base, environment: environment)
        #expect(badEnvironment.status == 78)
        #expect(badEnvironment.stderr.contains("AQB_KEEP"))
        let missing = try CommandRunner.run(
            ["report", "--config", out.path + "/none.yaml"], environment: CommandRunner.databaseEnvironment)
        #expect(missing.status == 78)
    }

    @Test func verifyDetectsAChangedFile() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        #expect(
            try CommandRunner.run(["report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo])
                .status == 0)
        let folder = out.path + "/2024/latest"
        #expect(try CommandRunner.run(["verify", folder]).status == 0)
        let manifest = try Manifest.decode(try out.bytes("2024/2025-09-30/manifest.json"))
        #expect(manifest.parameters.disclosureControl && manifest.parameters.asOf == "2025-09-30")
        #expect(manifest.rowsRead.projekt == 96)
        #expect(manifest.database.newestBuchungstag != nil)
        let names = Set(manifest.files.map(\.name))
        #expect(
            Set(names.filter { !$0.hasPrefix("kreise/") }) == [
                "kreise.csv", "massnahmenarten.csv", "rechtskreise.csv", "auffaelligkeiten.csv", "foerderschwerpunkte.csv", "projekte.csv",
                "budgetaenderungen.csv", "haushaltsjahre.csv", "bericht.md", "werte.csv", "bericht.xlsx", "bericht.html",
                "grafik-mittelabfluss.svg", "grafik-rechtskreise.svg", "grafik-massnahmenarten.svg", "vorjahr.csv",
            ])
        #expect(names.filter { $0.hasPrefix("kreise/") && $0.hasSuffix(".md") }.count == 26)
        #expect(names.filter { $0.hasPrefix("kreise/") && $0.hasSuffix(".html") }.count == 26)
        try "x".write(toFile: folder + "/kreise.csv", atomically: false, encoding: .utf8)
        let result = try CommandRunner.run(["verify", folder])
        #expect(result.status == 65)
        #expect(result.stdout.contains("kreise.csv"))
        // A county sheet changed, removed or added in its subfolder is found too.
        try "x".write(toFile: folder + "/kreise/06437-odenwaldkreis.md", atomically: false, encoding: .utf8)
        try "x".write(toFile: folder + "/kreise/06437-odenwaldkreis.html", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder + "/kreise/06611-kassel-stadt.md")
        try "x".write(toFile: folder + "/kreise/extra.md", atomically: false, encoding: .utf8)
        let sheets = try CommandRunner.run(["verify", folder])
        #expect(sheets.stdout.contains("kreise/06437-odenwaldkreis.md: SHA-256 differs"), "\(sheets.stdout)")
        #expect(sheets.stdout.contains("kreise/06437-odenwaldkreis.html: SHA-256 differs"), "\(sheets.stdout)")
        #expect(sheets.stdout.contains("kreise/06611-kassel-stadt.md: missing"), "\(sheets.stdout)")
        #expect(sheets.stdout.contains("kreise/extra.md: not listed"), "\(sheets.stdout)")
    }

    @Test func checkSaysWhatIsMissing() throws {
        let database = try TestDatabase()
        let good = try CommandRunner.run(["check", "--db", database.reportConninfo])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        try database.load("DROP INDEX aqb.ausgabe_projekt_idx; DELETE FROM aqb.rechtskreis")
        let bad = try CommandRunner.run(["check", "--db", database.reportConninfo])
        #expect(bad.status == 65)
        #expect(bad.stdout.contains("FAIL index aqb.ausgabe_projekt_idx"))
    }
}

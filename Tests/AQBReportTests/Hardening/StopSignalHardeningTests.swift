import Foundation
import Testing

@testable import AQBReport

/// The second round of stops: SIGHUP (a closed terminal, `systemctl reload` on a unit without
/// ExecReload), a stop while the snapshot-metadata query waits for a table lock, a stop during
/// the mail, and a reader of stdout that went away.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct StopSignalHardeningTests {
    let signalTests = StopSignalTests()

    /// `aqb.ausgabe` is what the snapshot-metadata query reads first: a stop while it waits for
    /// the table's lock cancels it, and the next run is not blocked by the dead one's session.
    @Test(arguments: [(SIGHUP, Int32(129), "SIGHUP"), (SIGTERM, Int32(143), "SIGTERM")])
    func aStopWhileTheSnapshotQueryWaitsForALockFreesTheLocks(signal: Int32, status: Int32, name: String) throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let blocker = try PGConnection(conninfo: database.conninfo)
        try blocker.execute("BEGIN; LOCK TABLE aqb.ausgabe IN ACCESS EXCLUSIVE MODE")
        let arguments = ["report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo]
        let metrics = try TemporaryFolder()
        let running = try CommandRunner.Running(arguments + ["--metrics-file", metrics.path + "/aqb.prom"])
        let backend = try signalTests.waitingBackend(database)
        let query = try database.connection.query("SELECT query FROM pg_stat_activity WHERE pid = $1::int", [backend])
        #expect(query.row(0).string(0)?.contains("snapshot_epoch") == true, "the snapshot query is the one waiting")
        kill(running.process.processIdentifier, signal)
        let outcome = running.finish()
        #expect(outcome.status == status, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("stopped by \(name)"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").filter { $0.contains(" error ") }.count == 1, "one line: \(outcome.stderr)")
        #expect((try? metrics.read("aqb.prom"))?.contains("aqb_report_last_exit_status \(status)\n") == true, "the stop is in the metrics")
        #expect(try signalTests.disappears(backend, database), "server process \(backend) still there")
        let next = try CommandRunner.run(
            arguments,
            environment: CommandRunner.databaseEnvironment.merging(["AQB_LOCK_TIMEOUT_MS": "200", "PATH": "/usr/bin:/bin"]) { $1 })
        try blocker.execute("ROLLBACK")
        #expect(next.status == 76, "\(next.stderr)")
        #expect(out.list("2024").isEmpty)
    }

    /// A stop while the mail program runs: the report is already published, so the message and
    /// the metrics say so, and the mail program goes with the run.
    @Test func aStopDuringTheMailSaysTheReportIsPublishedAndTheMailNotSent() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let program = out.path + "/slow-sendmail"
        try "#!/bin/sh\necho $$ > \(out.path)/mailer.pid\nexec sleep 120\n".write(toFile: program, atomically: true, encoding: .utf8)
        chmod(program, 0o755)
        let running = try CommandRunner.Running([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path + "/reports", "--db", database.reportConninfo,
            "--metrics-file", out.path + "/aqb.prom", "--mail-to", "analyse@example.de", "--sendmail", program,
        ])
        var mailer: pid_t?
        for _ in 0..<1200 where mailer == nil {
            mailer = (try? out.read("mailer.pid")).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if mailer == nil { usleep(50_000) }
        }
        let pid = try #require(mailer, "the mail program never started")
        kill(running.process.processIdentifier, SIGTERM)
        let outcome = running.finish()
        #expect(outcome.status == 143, "\(outcome.stderr)")
        let line = outcome.stderr.split(separator: "\n").first { $0.contains("stopped by SIGTERM") }.map(String.init) ?? ""
        #expect(line.contains("published"), "\(outcome.stderr)")
        #expect(line.contains("the mail was not sent"), "\(outcome.stderr)")
        #expect(!line.contains("the previous reports are unchanged"), "\(outcome.stderr)")
        #expect(out.exists("reports/2024/2025-09-30/manifest.json"))
        let metrics = try out.read("aqb.prom")
        #expect(metrics.contains("aqb_report_last_exit_status 143\n"), "\(metrics)")
        #expect(metrics.contains("aqb_report_last_success_timestamp_seconds{year=\"2024\"}"), "\(metrics)")
        #expect(metrics.contains("aqb_report_last_mail{mail=\"bericht\",result=\"failed\"} 1"), "\(metrics)")
        var gone = false
        for _ in 0..<100 where !gone {
            gone = kill(pid, 0) != 0
            if !gone { usleep(20_000) }
        }
        #expect(gone, "the mail program \(pid) was left behind")
    }

    /// stdout a pipe whose reader is gone: the report is published, the lost folder names are
    /// one warning, and the status stays 0 (it was 141, killed by SIGPIPE).
    @Test func aReaderOfStdoutThatWentAwayIsAWarningNotADeath() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try stdout.fileHandleForReading.close()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus): \(errors)")
        #expect(process.terminationStatus == 0, "\(errors)")
        #expect(errors.contains("cannot write to stdout"), "\(errors)")
        #expect(out.exists("2024/2025-09-30/manifest.json"))
    }
}

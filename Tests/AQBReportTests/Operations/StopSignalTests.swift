import Foundation
import Testing

@testable import AQBReport

/// SIGTERM and SIGINT, as systemd and Ctrl-C send them: the running query is cancelled, the
/// staging folders go, both locks are released, and the status says what happened.
@Suite struct StopSignalTests {
    /// The server process of the report's session once it waits for a lock.
    func waitingBackend(_ database: TestDatabase) throws -> String {
        for _ in 0..<400 {
            let result = try database.connection.query(
                "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'aqb-report' AND wait_event_type = 'Lock'"
            )
            if result.rowCount > 0, let pid = result.row(0).string(0) { return pid }
            usleep(50_000)
        }
        throw ConfigError("the report never blocked")
    }

    /// Whether a server process is gone, polled for up to 20 s (the cancel is asynchronous).
    func disappears(_ pid: String, _ database: TestDatabase) throws -> Bool {
        for _ in 0..<400 {
            let result = try database.connection.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1::int", [pid])
            if result.rowCount == 0 { return true }
            usleep(50_000)
        }
        return false
    }

    @Test(arguments: [(SIGTERM, Int32(143), "SIGTERM"), (SIGINT, Int32(130), "SIGINT")])
    func aStopWhileWaitingForATableLockCancelsTheQueryAndFreesTheLocks(signal: Int32, status: Int32, name: String) throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let blocker = try PGConnection(conninfo: database.conninfo)
        try blocker.execute("BEGIN; LOCK TABLE aqb.teilnahme IN ACCESS EXCLUSIVE MODE")
        let arguments = ["report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo]
        let metrics = try TemporaryFolder()
        let running = try CommandRunner.Running(arguments + ["--metrics-file", metrics.path + "/aqb.prom"])
        let backend = try waitingBackend(database)
        kill(running.process.processIdentifier, signal)
        let outcome = running.finish()
        #expect(outcome.status == status, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("stopped by \(name)"), "\(outcome.stderr)")
        #expect(outcome.stderr.split(separator: "\n").filter { $0.contains(" error ") }.count == 1, "one line: \(outcome.stderr)")
        #expect((try? metrics.read("aqb.prom"))?.contains("aqb_report_last_exit_status \(status)\n") == true, "the stop is in the metrics")
        // The server session does not wait on for the table lock, holding the advisory lock.
        #expect(try disappears(backend, database), "server process \(backend) still there")
        // So the next run is not blocked by the dead one: with the table still locked it ends
        // on its lock timeout (76), not on the advisory lock (75).
        let next = try CommandRunner.run(
            arguments,
            environment: CommandRunner.databaseEnvironment.merging(["AQB_LOCK_TIMEOUT_MS": "200", "PATH": "/usr/bin:/bin"]) { $1 })
        try blocker.execute("ROLLBACK")
        #expect(next.status == 76, "\(next.stderr)")
        #expect(out.list("2024").isEmpty)
    }

    @Test func aStopRemovesTheStagingFolders() throws {
        let out = try TemporaryFolder()
        // A registry of its own: the shared one holds the folders of reports other tests run.
        let registry = StagingRegistry()
        let publisher = try ReportPublisher(base: out.path, registry: registry)
        let staged = try publisher.stage(year: 2024, folder: "2025-09-30", updatesLatest: true, files: [("a.csv", [1])]) { _ in [] }
        #expect(out.list("2024").count == 1)
        let removed = StopSignals.cleanUp(registry)
        #expect(removed == [staged.yearDirectory.child(staged.temporaryName)])
        #expect(out.list("2024").isEmpty)
    }

    /// The handler ends the process, so no `deinit` removes the workbook's temporary folder:
    /// the stop must (before, every run stopped while writing its workbook left one in /tmp).
    @Test func aStopRemovesTheWorkbooksTemporaryFolder() throws {
        let folders = TemporaryFolders()
        let workbook = try XLSXWorkbook(
            properties: .init(title: "t", subject: "s", keywords: "k", comments: "c", status: "st", created: 0, custom: []),
            temporaryFolders: folders)
        _ = workbook.addSheet("Tabelle")
        #expect(FileManager.default.fileExists(atPath: workbook.folder))
        _ = StopSignals.cleanUp(StagingRegistry(), temporary: folders)
        #expect(!FileManager.default.fileExists(atPath: workbook.folder))
    }
}

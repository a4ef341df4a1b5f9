import Foundation
import Testing

@testable import AQBReport

/// The database server stops in the middle of a run: a cluster of this test's own (the shared
/// test server keeps running for the other tests), stopped with `pg_ctl stop -m immediate`.
@Suite struct ServerStopTests {
    /// The base port; `aqb_cluster_start` adds the checkout's own offset and exports `PGPORT`.
    static let basePort = 54331

    /// Runs a script with the cluster helpers. The server it starts must inherit no descriptor
    /// of the test process (Foundation's `Process` keeps some open in the child, and then never
    /// sees the script end), so the script closes every descriptor above stderr first.
    static func bash(_ script: String) throws -> String {
        let closeInherited = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\" 2>/dev/null; done; true"
        return try Shell.run(
            "bash", "-c", "\(closeInherited); set -e; source '\(Repository.path("scripts/lib/postgres.sh"))'; \(script)")
    }

    @Test func serverStoppedMidRunGives69AndKeepsThePreviousReport() throws {
        let started = try Self.bash(
            "aqb_cluster_start stoptest \(Self.basePort) >/dev/null 2>&1 </dev/null; echo \"$aqb_cluster_dir $PGPORT\""
        )
        .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        try #require(started.count == 2, "cluster start printed \(started)")
        let directory = started[0]
        let port = started[1]
        let stop =
            "pg_ctl=\"$(pg_config --bindir)/pg_ctl\"; aqb_as_db_owner \"$pg_ctl\" -D '\(directory)/data' -m immediate stop >/dev/null 2>&1 || true"
        defer { _ = try? Self.bash(stop) }
        let user = getuid() == 0 ? "postgres" : NSUserName()
        let conninfo = "host=\(directory) port=\(port) user=\(user) dbname=aqb"
        _ = try Self.bash(
            "export PGHOST='\(directory)' PGPORT=\(port) PGUSER=\(user); aqb_create_database aqb 2>/dev/null; "
                + "psql -X -q -d aqb -v ON_ERROR_STOP=1 -f '\(Repository.path("sql/sample/001_sample.sql"))' >/dev/null")

        let out = try TemporaryFolder()
        let arguments = [
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", conninfo, "--connect-attempts", "1",
        ]
        let first = try CommandRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let before = try out.bytes("2024/2025-09-30/kreise.csv")

        let blocker = try PGConnection(conninfo: conninfo)
        try blocker.execute("BEGIN; LOCK TABLE aqb.teilnahme IN ACCESS EXCLUSIVE MODE")
        let running = try CommandRunner.Running(arguments)
        // A separate session: inside the blocker's transaction pg_stat_activity would not change.
        let observer = try PGConnection(conninfo: conninfo)
        var blocked = false
        for _ in 0..<200 where !blocked {
            let result = try observer.query(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'aqb-report' AND wait_event_type = 'Lock'")
            blocked = result.row(0).string(0) != "0"
            if !blocked { usleep(50_000) }
        }
        #expect(blocked)
        _ = try Self.bash(stop)
        let outcome = running.finish()
        #expect(outcome.status == 69, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("cannot reach the database"))
        #expect(try out.bytes("2024/2025-09-30/kreise.csv") == before)
        #expect(Manifest.verify(folder: out.path + "/2024/2025-09-30").isEmpty)
        #expect(out.list("2024") == ["2025-09-30", "latest"])
    }
}

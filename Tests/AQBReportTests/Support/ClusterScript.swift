import Foundation

@testable import AQBReport

/// Runs a bash script with the cluster helpers of `scripts/lib/postgres.sh`, for tests that need
/// a PostgreSQL server of their own (stopped mid-run, TLS, German messages).
///
/// The server a script starts must inherit no descriptor of the test process (Foundation's
/// `Process` keeps some open in the child, and then never sees the script end), so the script
/// closes every descriptor above stderr first.
enum ClusterScript {
    static func run(_ script: String) throws -> String {
        let closeInherited = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\" 2>/dev/null; done; true"
        return try Shell.run(
            "bash", "-c", "\(closeInherited); set -e; source '\(Repository.path("scripts/lib/postgres.sh"))'; \(script)")
    }

    /// Starts cluster `name` on `basePort` (plus the checkout's offset), runs `setup` in it, and
    /// returns its folder and port. Stop it with `stop(directory)`.
    static func start(_ name: String, basePort: Int, options: String = "", setup: String = "") throws -> (directory: String, port: String) {
        let printed =
            try run(
                "export PGCLUSTER_OPTIONS=\"\(options)\"; aqb_cluster_start \(name) \(basePort) >/dev/null 2>&1 </dev/null; "
                    + "\(setup.isEmpty ? "" : setup + " </dev/null; ")echo \"$aqb_cluster_dir $PGPORT\""
            ).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map { $0.split(separator: " ").map(String.init) }
            ?? []
        guard printed.count == 2 else { throw ConfigError("cluster \(name) did not start: \(printed)") }
        return (printed[0], printed[1])
    }

    static func stop(_ directory: String) {
        _ = try? run(
            "pg_ctl=\"$(pg_config --bindir)/pg_ctl\"; aqb_as_db_owner \"$pg_ctl\" -D '\(directory)/data' -m immediate stop >/dev/null 2>&1 || true"
        )
    }
}

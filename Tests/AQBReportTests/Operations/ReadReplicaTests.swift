import Foundation
import Testing

@testable import AQBReport

/// Operators keep the nightly load off the primary by pointing the report at a streaming
/// standby: a primary and a standby of the test's own (`pg_basebackup -R`), the same report
/// from both.
@Suite struct ReadReplicaTests {
    @Test func aStandbyServesTheSameReportAsThePrimary() throws {
        let sample = Repository.path("sql/sample/001_sample.sql")
        let printed =
            try ClusterScript.run(
                """
                aqb_cluster_start replprimary 54337 >/dev/null 2>&1 </dev/null
                primary_dir=$aqb_cluster_dir; primary_port=$PGPORT
                aqb_create_database aqb 2>/dev/null </dev/null
                psql -X -q -d aqb -v ON_ERROR_STOP=1 -f '\(sample)' >/dev/null </dev/null
                standby_port=$(( 54339 + $(aqb_port_offset) ))
                standby_dir=/tmp/aqb-replstandby-$(id -u)-$standby_port
                [ -d "$standby_dir/data" ] && { aqb_as_db_owner "$(aqb_pg_bindir)/pg_ctl" -D "$standby_dir/data" -m immediate stop >/dev/null 2>&1 || true; }
                rm -rf "$standby_dir"; mkdir -p "$standby_dir"
                [ "$(id -u)" -eq 0 ] && chown postgres "$standby_dir"
                aqb_as_db_owner "$(aqb_pg_bindir)/pg_basebackup" -D "$standby_dir/data" -R -X stream -c fast -h "$primary_dir" -p "$primary_port" -U "$PGUSER" </dev/null
                lsn=$(psql -X -A -t -d postgres -c 'SELECT pg_current_wal_lsn()' </dev/null)
                aqb_cluster_start replstandby 54339 >/dev/null 2>&1 </dev/null
                aqb_wait_for_setting transaction_read_only on
                for i in $(seq 200); do
                    [ "$(psql -X -A -t -d postgres -c "SELECT pg_last_wal_replay_lsn() >= '$lsn'" </dev/null)" = t ] && break
                    sleep 0.1
                done
                echo "$primary_dir $primary_port $aqb_cluster_dir $PGPORT"
                """
            ).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map { $0.split(separator: " ").map(String.init) }
            ?? []
        try #require(printed.count == 4, "clusters printed \(printed)")
        defer {
            ClusterScript.stop(printed[2])
            ClusterScript.stop(printed[0])
        }
        let user = TestDatabase.reportRole
        var folders: [String] = []
        let out = try TemporaryFolder()
        for (name, directory, port) in [("primary", printed[0], printed[1]), ("standby", printed[2], printed[3])] {
            let result = try CommandRunner.run([
                "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path + "/" + name, "--db",
                "host=\(directory) port=\(port) dbname=aqb user=\(user)", "--connect-attempts", "1",
            ])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            folders.append(out.path + "/" + name + "/2024/2025-09-30")
        }
        for file in ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv"] {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: folders[0] + "/" + file))
                    == Data(contentsOf: URL(fileURLWithPath: folders[1] + "/" + file)), "\(file) differs")
        }
        #expect(Manifest.verify(folder: folders[1]).isEmpty)
    }
}

import Foundation
import Testing

@testable import AQBReport

/// Servers unlike the test cluster, each a cluster of the test's own: one that speaks TLS with
/// a throw-away CA, one whose messages are German. What is retried must not depend on either.
@Suite struct ForeignServerTests {
    static var germanLocale: Bool {
        (try? Shell.run("sh", "-c", "locale -a | grep -qi '^de_DE.utf-\\?8$' && echo yes"))?.contains("yes") == true
    }

    /// Runs the binary with a short backoff, so a wrong retry costs no time but still shows.
    func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        var environment = CommandRunner.databaseEnvironment
        environment["PATH"] = "/usr/bin:/bin"
        environment["AQB_CONNECT_BACKOFF_MS"] = "10"
        return try CommandRunner.run(arguments, environment: environment)
    }

    @Test func verifyFullAcceptsTheRightCAAndRefusesAWrongCAAndAWrongHostNameWithoutRetrying() throws {
        let cluster = try ClusterScript.start(
            "tlstest", basePort: 54333, options: "-c listen_addresses=127.0.0.1",
            setup: "aqb_cluster_tls; aqb_cluster_password_role aqb_tls Richtig-789")
        defer { ClusterScript.stop(cluster.directory) }
        let tls = cluster.directory + "/tls"
        let base = "port=\(cluster.port) dbname=postgres user=aqb_tls password=Richtig-789 sslmode=verify-full"

        let right = try run(["check", "--db", "host=localhost hostaddr=127.0.0.1 \(base) sslrootcert=\(tls)/ca.crt"])
        #expect(right.stdout.contains("ok   connection"), "\(right.stdout)\(right.stderr)")

        for (what, db) in [
            ("wrong CA", "host=localhost hostaddr=127.0.0.1 \(base) sslrootcert=\(tls)/wrong-ca.crt"),
            ("wrong host name", "host=127.0.0.1 \(base) sslrootcert=\(tls)/ca.crt"),
        ] {
            let refused = try run(["check", "--db", db])
            #expect(refused.status == 69, "\(what): \(refused.stderr)")
            #expect(!refused.stderr.contains("retrying"), "\(what) stays wrong: \(refused.stderr)")
            #expect(!refused.stderr.contains("Richtig-789"), "\(what): \(refused.stderr)")
        }
    }

    @Test(.enabled(if: germanLocale, "needs the de_DE.UTF-8 locale (scripts/test makes it)"))
    func aRefusedPasswordOnAGermanServerIsNotRetried() throws {
        let cluster = try ClusterScript.start(
            "germantest", basePort: 54335, options: "-c listen_addresses=127.0.0.1 -c lc_messages=de_DE.UTF-8",
            setup: "aqb_cluster_password_role aqb_pw Richtig-789")
        defer { ClusterScript.stop(cluster.directory) }
        let result = try run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", try TemporaryFolder().path, "--db",
            "host=127.0.0.1 port=\(cluster.port) dbname=postgres user=aqb_pw password=Falsch-000",
        ])
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("Passwort"), "the server answers in German: \(result.stderr)")
        #expect(!result.stderr.contains("retrying"), "\(result.stderr)")
        #expect(!result.stderr.contains("Falsch-000"), "\(result.stderr)")
    }
}

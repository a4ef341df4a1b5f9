import Foundation
import Synchronization
import Testing

@testable import AQBReport

/// The database side of a run going wrong: what is retried and what not, timeouts, missing
/// privileges, a lock someone else holds, and no password in any message.
@Suite struct DatabaseFailureTests {
    /// The test's environment with the settings a test needs added (cron-like otherwise).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = CommandRunner.databaseEnvironment
        environment["PATH"] = "/usr/bin:/bin"
        return environment.merging(extra) { _, new in new }
    }

    func report(_ db: String, _ out: TemporaryFolder, attempts: Int = 3, environment extra: [String: String] = [:]) throws
        -> CommandRunner.Outcome
    {
        try CommandRunner.run(
            [
                "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", db, "--connect-attempts",
                String(attempts),
            ], environment: environment(["AQB_CONNECT_BACKOFF_MS": "10"].merging(extra) { _, new in new }))
    }

    @Test func aMissingDatabaseIsNotRetried() throws {
        let out = try TemporaryFolder()
        let result = try report("dbname=nonexistent_db", out)
        #expect(result.status == 69, "\(result.stderr)")
        #expect(!result.stderr.contains("retrying"), "3D000 cannot go away by waiting: \(result.stderr)")
        #expect(result.stderr.contains("3D000"))
    }

    @Test func anUnreachableServerIsRetried() throws {
        let out = try TemporaryFolder()
        let result = try report("host=\(out.path)/no-such-socket port=5432 dbname=aqb", out, attempts: 2)
        #expect(result.status == 69, "\(result.stderr)")
        #expect(result.stderr.contains("attempt 1 of 2"), "\(result.stderr)")
    }

    @Test func aTLSFailureIsNotRetried() throws {
        let server = try BrokenTLSServer()
        let out = try TemporaryFolder()
        let result = try report("host=127.0.0.1 port=\(server.port) dbname=aqb sslmode=require connect_timeout=10", out)
        #expect(result.status == 69, "\(result.stderr)")
        #expect(!result.stderr.contains("retrying"), "\(result.stderr)")
        #expect(server.connections == 1)
    }

    @Test func aPasswordInAConnectionStringLibpqCannotParseIsNotPrinted() throws {
        let out = try TemporaryFolder()
        let result = try report("postgresql://u:Geheim-456@[::1:5432/db", out)
        #expect(result.status == 69, "\(result.stderr)")
        #expect(!result.stderr.contains("Geheim"), "\(result.stderr)")
        #expect(result.stderr.contains("********"), "\(result.stderr)")
        #expect(!result.stderr.contains("retrying"), "libpq refused the string itself")
    }

    @Test func waitingForATableLockLongerThanLockTimeoutIs76() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let blocker = try PGConnection(conninfo: database.conninfo)
        try blocker.execute("BEGIN; LOCK TABLE aqb.teilnahme IN ACCESS EXCLUSIVE MODE")
        let out = try TemporaryFolder()
        let result = try report(database.reportConninfo, out, environment: ["AQB_LOCK_TIMEOUT_MS": "300"])
        try blocker.execute("ROLLBACK")
        #expect(result.status == 76, "\(result.stderr)")
        #expect(result.stderr.contains("lock_timeout_ms"), "\(result.stderr)")
        #expect(out.list("2024").isEmpty)
    }

    @Test(arguments: ["AQB_STATEMENT_TIMEOUT_MS", "AQB_LOCK_TIMEOUT_MS", "AQB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "AQB_CONNECT_BACKOFF_MS"])
    func anOutOfRangeSettingIs78(name: String) throws {
        let out = try TemporaryFolder()
        let result = try report("dbname=nonexistent_db", out, environment: [name: "99999999999"])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains(name) && result.stderr.contains("at most"), "\(result.stderr)")
    }

    @Test func aMissingPrivilegeIs77AndSaysSo() throws {
        let database = try TestDatabase()
        try database.loadSample()
        try database.load("REVOKE SELECT ON aqb.teilnahme FROM \(TestDatabase.reportRole)")
        let out = try TemporaryFolder()
        let result = try report(database.reportConninfo, out)
        #expect(result.status == 77, "\(result.stderr)")
        #expect(result.stderr.contains("privilege") && !result.stderr.contains("Apply sql/schema"), "\(result.stderr)")
    }

    @Test func theLockOfAnotherRoleDoesNotBlockTheReport() throws {
        let database = try TestDatabase()
        try database.loadSample()
        // Any login may take any advisory lock, also the report role's key.
        let intruder = try PGConnection(conninfo: database.conninfo, applicationName: "intruder")
        let key = try database.connection.query(
            "SELECT ((1095844434::bigint << 32) | (SELECT oid::bigint FROM pg_roles WHERE rolname = $1))::text", [TestDatabase.reportRole]
        ).row(0).requiredString(0)
        _ = try intruder.query("SELECT pg_advisory_lock($1::bigint)", [key])
        let out = try TemporaryFolder()
        let result = try report(database.reportConninfo, out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("intruder") && result.stderr.contains("not a session of the report's role"), "\(result.stderr)")
    }

    @Test func checkWarnsAboutARoleThatCanWriteAndNamesTheDatabase() throws {
        let database = try TestDatabase()
        let asReport = try CommandRunner.run(["check", "--db", database.reportConninfo])
        #expect(asReport.status == 0, "\(asReport.stdout)\(asReport.stderr)")
        #expect(asReport.stdout.contains("ok   database") && asReport.stdout.contains(database.name), "\(asReport.stdout)")
        #expect(asReport.stdout.contains("ok   role cannot write"), "\(asReport.stdout)")
        let asOwner = try CommandRunner.run(["check", "--db", database.conninfo])
        #expect(asOwner.status == 0, "warnings do not fail the check: \(asOwner.stdout)")
        #expect(asOwner.stdout.contains("WARN role is no superuser"), "\(asOwner.stdout)")
        #expect(asOwner.stdout.contains("WARN role cannot write"), "\(asOwner.stdout)")
    }
}

/// A TCP listener on 127.0.0.1 that answers PostgreSQL's SSLRequest with "S" and hangs up: the
/// TLS handshake fails the same way on every attempt.
final class BrokenTLSServer: Sendable {
    let port: UInt16
    private let socketFD: Int32
    private let accepted = Atomic<Int>(0)

    var connections: Int { accepted.load(ordering: .sequentiallyConsistent) }

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 8) == 0 else { throw ConfigError("cannot listen on 127.0.0.1") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        socketFD = fd
        Thread.detachNewThread { [self] in serve() }
    }

    private func serve() {
        while true {
            let client = accept(socketFD, nil, nil)
            guard client >= 0 else { return }
            accepted.add(1, ordering: .sequentiallyConsistent)
            var request = [UInt8](repeating: 0, count: 8)
            _ = read(client, &request, request.count)
            _ = write(client, "S", 1)
            close(client)
        }
    }

    deinit {
        shutdown(socketFD, Int32(SHUT_RDWR))
        close(socketFD)
    }
}

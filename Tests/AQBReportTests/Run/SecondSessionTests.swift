import Foundation
import Logging
import Testing

@testable import AQBReport

/// The run's second database session (`SecondSession`, driven by `ReadStage`): it reads on the
/// snapshot the main session exported, so every year of a run shows the same data, and a failure
/// there ends the run like one on the main session, with nothing published.
@Suite struct SecondSessionTests {
    static let asOf = CalendarDate(iso: "2025-09-30")

    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .error
        return logger
    }

    static func request(_ conninfo: String, years: [Int], into folder: String, sessions: Int = 2) throws -> ReportRequest {
        var request = ReportRequest(years: years, asOf: try #require(asOf), outputBase: folder)
        request.conninfo = conninfo
        request.connectAttempts = 1
        request.databaseSessions = sessions
        return request
    }

    static func run(_ request: ReportRequest) throws(ReportError) -> ReportRunner.Summary {
        try ReportRunner(logger: logger, now: { ReportFiles.fixedClock }, fixedSnapshotTime: ReportFiles.fixedClock).run(request)
    }

    /// What a run published: every entry of the output base but the lock file.
    static func published(_ folder: TemporaryFolder) -> [String] {
        folder.list().filter { $0 != ".aqb-report.lock" }
    }

    /// A change committed by another connection after the snapshot was exported is invisible to
    /// the years the second session reads (2025 and, as 2025's previous cohort, 2024 one year
    /// earlier), though a transaction begun after it sees it. A second session that began a
    /// transaction of its own instead of importing the snapshot would see the change: its
    /// snapshot would be taken at its first query, after the commit.
    @Test func aYearReadOnTheSecondSessionSeesTheRunsSnapshot() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let asOf = try #require(Self.asOf)
        let queries = ReportQueries(connection: database.connection)
        let before2025 = try queries.yearReport(year: 2025, asOf: asOf).0.figures
        let before2024 = try queries.previousCohort(year: 2024, asOf: asOf.sameDayOneYearEarlier).figures

        let request = try Self.request(database.reportConninfo, years: [2024, 2025], into: "/nonexistent")
        let connection = try DatabaseSession.connect(request, logger: Self.logger)
        let reader = try ReadStage(
            connection: connection, request: request, logger: Self.logger, years: [2024, 2025],
            second: SecondSession(request: request, logger: Self.logger))
        try database.load(
            """
            UPDATE aqb.zielvereinbarung SET budget_eur = budget_eur + 1000;
            UPDATE aqb.projekt SET bewilligt_eur = bewilligt_eur + 1 WHERE jahr IN (2024, 2025);
            """)
        let after2025 = try queries.yearReport(year: 2025, asOf: asOf).0.figures
        #expect(after2025.map(\.bewilligt) != before2025.map(\.bewilligt), "the change is committed and seen by a new transaction")

        _ = try reader.read(year: 2024)
        let read = try reader.read(year: 2025)
        reader.close(failed: false)
        // Budgets and approvals per area, the two figures the change touched; all figures agree too.
        #expect(read.report.figures.map(\.budgetVereinbart) == before2025.map(\.budgetVereinbart))
        #expect(read.report.figures.map(\.bewilligt) == before2025.map(\.bewilligt))
        #expect(read.previous?.figures.map(\.budgetVereinbart) == before2024.map(\.budgetVereinbart))
        #expect(read.previous?.figures.map(\.bewilligt) == before2024.map(\.bewilligt))
        #expect(read.report.figures == before2025 && read.previous?.figures == before2024)
    }

    /// The second session waits inside its transaction while the main thread discloses and
    /// renders the year before the one it reads next (here 2024 while 2025 waits, with 2023, a
    /// year without data, first): like the main session between two years, it lifts the
    /// idle-in-transaction timeout for that, or the server would end it and the run would fail.
    @Test func theSecondSessionWaitsLongerThanTheIdleTimeoutBetweenTwoYears() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let folder = try TemporaryFolder()
        let summary = try YearByYearTests.run(
            database, years: [2023, 2024, 2025], into: folder, idleInTransactionTimeoutMs: 250, computing: 0.4)
        #expect(summary.folders.count == 3)
    }

    /// The second session cannot connect (the role allows one connection): the run ends with
    /// status 69 and publishes nothing, not even the first year, which the main session read.
    /// With `db_sessions: 1` the same role gets its reports.
    @Test func aSecondSessionThatCannotConnectEndsTheRunWith69AndPublishesNothing() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let role = "t_one_connection_\(UUID().uuidString.prefix(8).lowercased())"
        let admin = try PGConnection(conninfo: "dbname=postgres")
        try admin.execute("CREATE ROLE \(role) LOGIN CONNECTION LIMIT 1 IN ROLE \(TestDatabase.reportRole)")
        defer { try? admin.execute("DROP ROLE IF EXISTS \(role)") }
        let conninfo = "dbname=\(database.name) user=\(role)"

        let out = try TemporaryFolder()
        let error = #expect(throws: ReportError.self) { try Self.run(try Self.request(conninfo, years: [2024, 2025], into: out.path)) }
        #expect(error?.status == .unavailable, "\(String(describing: error))")
        #expect(Self.published(out).isEmpty, "\(Self.published(out))")

        let single = try TemporaryFolder()
        let summary = try Self.run(try Self.request(conninfo, years: [2024, 2025], into: single.path, sessions: 1))
        #expect(summary.folders.count == 2)
    }

    /// A year the second session reads ahead cannot be read (a project of 2025 names a
    /// Maßnahmenart missing from the reference table): the run ends with that year's status 65
    /// and its message, and the first year, already staged, is not published either.
    @Test func aFailedReadOnTheSecondSessionEndsTheRunAndPublishesNothing() throws {
        let database = try TestDatabase()
        try database.loadSample()
        try database.load(
            """
            ALTER TABLE aqb.projekt DROP CONSTRAINT projekt_massnahmenart_fkey;
            INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, bewilligt_eur) VALUES (977, '06411', 2025, 'XYZ', 'kaputt', 0);
            """)
        let out = try TemporaryFolder()
        let error = #expect(throws: ReportError.self) {
            try Self.run(try Self.request(database.reportConninfo, years: [2024, 2025], into: out.path))
        }
        #expect(error?.status == .dataError)
        #expect(error?.message.contains("projekt 977") == true, "\(String(describing: error))")
        #expect(out.list("2024").isEmpty, "\(out.list("2024"))")
        #expect(out.list("2025").isEmpty, "\(out.list("2025"))")
        #expect(!out.list().contains(DisclosureLedger.fileName(year: 2024)), "\(out.list())")
    }
}

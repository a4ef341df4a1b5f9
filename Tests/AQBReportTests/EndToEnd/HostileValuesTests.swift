import Foundation
import Testing

@testable import AQBReport

/// Values another system may write into the tables: sums beyond what the report can add up,
/// bookings dated `infinity` or 9999-12-31. Each is one stderr line naming the row and a
/// documented status, never a trap and never a stale feed made to look fresh.
@Suite struct HostileValuesTests {
    func report(_ database: TestDatabase, _ out: TemporaryFolder, extra: [String] = []) throws -> CommandRunner.Outcome {
        try CommandRunner.run(
            ["report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo] + extra)
    }

    /// The first project of 2024 in the sample data, and its Kreis.
    func firstProject(_ database: TestDatabase) throws -> (id: String, ags: String) {
        let row = try database.connection.query("SELECT id::text, ags::text FROM aqb.projekt WHERE jahr = 2024 ORDER BY id LIMIT 1").row(0)
        return (try row.requiredString(0), try row.requiredString(1))
    }

    @Test func sumsBeyondInt64CentsAre65NamingTheArea() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let ags = try database.connection.query(
            "SELECT ags::text FROM aqb.projekt WHERE jahr = 2024 GROUP BY ags HAVING count(*) >= 2 ORDER BY ags LIMIT 1"
        ).row(0).requiredString(0)
        // Two projects of one Kreis with 50 000 maximal bookings each: each project's sum fits
        // in Int64 cents (5·10¹⁸), their sum does not.
        try database.load(
            """
            INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur)
            SELECT 900000000 + row_number() OVER (), p.id, '2025-01-02', 999999999999.99
            FROM generate_series(1, 50000) g,
                 (SELECT id FROM aqb.projekt WHERE jahr = 2024 AND ags = '\(ags)' ORDER BY id LIMIT 2) p(id)
            """)
        let out = try TemporaryFolder()
        let result = try report(database, out)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("(\(ags))") && result.stderr.contains("projekt"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
        #expect(out.list("2024").isEmpty)
    }

    @Test func aTinyBudgetWithHugeSpendingIs65() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let (id, ags) = try firstProject(database)
        try database.load(
            """
            UPDATE aqb.zielvereinbarung SET budget_eur = 0.01 WHERE ags = '\(ags)' AND jahr = 2024;
            DELETE FROM aqb.budget_aenderung WHERE ags = '\(ags)' AND jahr = 2024;
            INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur)
            SELECT 900000000 + g, \(id), '2025-01-02', 999999999999.99 FROM generate_series(1, 100) g;
            """)
        let out = try TemporaryFolder()
        let result = try report(database, out)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(ags), "\(result.stderr)")
        #expect(out.list("2024").isEmpty)
    }

    @Test func aFarFutureBookingDoesNotHideAStaleFeed() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let (id, _) = try firstProject(database)
        try database.load(
            "INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur) VALUES (900000001, \(id), '9999-12-31', 1.00)")
        let out = try TemporaryFolder()
        let result = try report(database, out, extra: ["--max-booking-age-days", "7", "--stale-is-error"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("ausgabe 900000001 (9999-12-31)"), "the booking is named: \(result.stderr)")
        #expect(Manifest.verify(folder: out.path + "/2024/2025-09-30").isEmpty, "the report is still written")
    }

    @Test func aBookingDatedInfinityIsNamedAndTheReportWritten() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let (id, _) = try firstProject(database)
        try database.load(
            "INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur) VALUES (900000002, \(id), 'infinity', 1.00)")
        let out = try TemporaryFolder()
        let result = try report(database, out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("ausgabe 900000002 (infinity)"), "\(result.stderr)")
        #expect(!result.stderr.contains("sql/schema"))
        #expect(try out.read("2024/2025-09-30/bericht.md").contains("ausgabe 900000002 (infinity)"))
    }
}

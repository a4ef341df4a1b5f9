import Foundation
import Testing

@testable import AQBReport

/// `sql/report/snapshot.sql` on feeds with none to a few bookings dated after today (issue 19):
/// the count and the newest three examples are right, and the examples are not found by
/// walking every booking through the date index.
@Suite struct SnapshotQueryTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
        // The sample's own booking of 2099 out of the way: each case sets its own.
        try database.load("DELETE FROM aqb.ausgabe WHERE buchungstag > current_date OR buchungstag = '-infinity'")
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func countsAndNamesTheNewestThreeOfTheBookingsAfterToday(future: Int) throws {
        let project = try #require(try database.rows("SELECT min(id) FROM aqb.projekt").first?.first)
        for index in 0..<future {
            try database.load(
                """
                INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur)
                VALUES (\(990_000 + index), \(project), current_date + \(index + 1), 1.00)
                """)
        }
        let snapshot = try Snapshot.read(database.connection)
        #expect(snapshot.unusualBookings == future)
        let ids = (0..<future).reversed().prefix(3).map { "ausgabe \(990_000 + $0)" }
        #expect(
            snapshot.unusualExamples.components(separatedBy: ", ").map { $0.components(separatedBy: " (")[0] } == (future == 0 ? [""] : ids)
        )
    }

    /// The plan does not serve the examples by a backward walk of the date index with a filter
    /// (what made this query 44 % of a run at benchmark scale), nor by a walk of the primary key:
    /// every scan of the date index is bounded by the dates it looks for (an index condition).
    @Test func theExamplesAreNotFoundByWalkingTheDateIndex() throws {
        try database.load("ANALYZE aqb.ausgabe")
        let plan = try database.rows("EXPLAIN " + ReportQuery.snapshot.sql).map { $0[0] }
        #expect(!plan.joined().contains("ausgabe_pkey"), "\(plan.joined(separator: "\n"))")
        let scans = plan.indices.filter { plan[$0].contains("Scan Backward using ausgabe_buchungstag_idx") }
        #expect(!scans.isEmpty, "\(plan.joined(separator: "\n"))")
        for index in scans {
            // The scan's own lines, up to the next plan node.
            let node = plan[(index + 1)...].prefix { !$0.contains("->") }
            // (`Index Only Scan Backward` for the newest booking up to today is bounded by today.)
            #expect(node.contains { $0.contains("Index Cond") && $0.contains("buchungstag") }, "\(plan.joined(separator: "\n"))")
            if plan[index].contains("Index Scan Backward") {
                #expect(node.contains { $0.contains("Index Cond: (buchungstag > CURRENT_DATE)") }, "\(plan.joined(separator: "\n"))")
                #expect(!node.contains { $0.contains("Filter") }, "\(plan.joined(separator: "\n"))")
            }
        }
    }
}

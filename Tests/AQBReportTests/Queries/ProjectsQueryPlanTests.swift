import Foundation
import Testing

@testable import AQBReport

/// `sql/report/projects.sql` reads one cohort's projects through `projekt_jahr_idx` (issue 19),
/// not every project of every year through `projekt_pkey` with a filter on the year, which the
/// planner chose for the query's first form once the per-project subqueries dwarfed the cost of
/// the project scan. The database holds the sample plus 5,000 projects of ten other years, so
/// reading all projects is clearly the wrong plan.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct ProjectsQueryPlanTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
        try database.load(
            """
            INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur)
            SELECT g.ags, y, 1000000 FROM aqb.gebietskoerperschaft g, generate_series(2014, 2023) y
            ON CONFLICT DO NOTHING;
            INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel)
            SELECT 5000000 + n, g.ags, 2014 + n % 10, 'AQV', 'Projekt ' || n
            FROM generate_series(1, 5000) n
            CROSS JOIN LATERAL (SELECT ags FROM aqb.gebietskoerperschaft ORDER BY ags OFFSET n % 26 LIMIT 1) g;
            ANALYZE aqb.projekt;
            """)
    }

    func plan(withFindings: Bool) throws -> String {
        let sql = ReportQuery.projects.sql.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(
            in: CharacterSet(charactersIn: ";"))
        try database.load("PREPARE projects_plan AS \(sql)")
        defer { try? database.load("DEALLOCATE projects_plan") }
        return try database.rows("EXPLAIN EXECUTE projects_plan(2025, '2025-09-30', '2025-08-31', \(withFindings), \(withFindings))").map {
            $0[0]
        }
        .joined(separator: "\n")
    }

    /// The index conditions of the scans of `ausgabe_projekt_idx` (index-only or bitmap).
    func bookingConditions(_ plan: String) -> [String] {
        let lines = plan.components(separatedBy: "\n")
        return lines.indices.filter { lines[$0].contains("on ausgabe_projekt_idx") }.compactMap { index in
            lines[(index + 1)...].first { $0.contains("Index Cond") }
        }
    }

    @Test(arguments: [true, false])
    func readsTheCohortThroughTheYearIndex(withFindings: Bool) throws {
        let plan = try plan(withFindings: withFindings)
        #expect(plan.contains("projekt_jahr_idx"), "\(plan)")
        #expect(!plan.contains("projekt_pkey"), "\(plan)")
        #expect(!plan.contains("Seq Scan on projekt"), "\(plan)")
        // Each project's bookings and participations through their indexes, never a whole table.
        #expect(!plan.contains("Seq Scan"), "\(plan)")
        #expect(plan.contains("teilnahme_projekt_idx"), "\(plan)")
    }

    /// Without the findings' columns (the previous cohort) only the bookings up to the Stichtag
    /// are read; with them also those after it, as a second range of the same index: each booking
    /// is read once.
    @Test(arguments: [true, false])
    func readsEachBookingOnceAndTheLaterOnesOnlyForTheFindings(withFindings: Bool) throws {
        let plan = try plan(withFindings: withFindings)
        let conditions = bookingConditions(plan)
        #expect(conditions.count == (withFindings ? 2 : 1), "\(plan)")
        #expect(conditions.allSatisfy { $0.contains("projekt_id =") }, "\(plan)")
        #expect(conditions.filter { $0.contains("buchungstag <= '2025-09-30'") }.count == 1, "\(plan)")
        #expect(conditions.filter { $0.contains("buchungstag > '2025-09-30'") }.count == (withFindings ? 1 : 0), "\(plan)")
    }
}

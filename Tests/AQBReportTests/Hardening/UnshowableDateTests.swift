import Foundation
import Testing

@testable import AQBReport

/// A date the report cannot show (`-infinity`, `infinity`) was silently shown as no date. It
/// still is shown empty, but now as a logged decision naming the row and the value.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct UnshowableDateTests {
    @Test func aBescheidAtMinusInfinityAndABudgetChangeAtMinusInfinityAreNamedInTheLog() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let project = try #require(
            try database.connection.query("SELECT min(id)::text FROM aqb.projekt WHERE jahr = 2024").row(0).string(0))
        try database.load(
            """
            UPDATE aqb.projekt SET bescheid_am = '-infinity' WHERE id = \(project);
            UPDATE aqb.budget_aenderung SET wirksam_am = '-infinity'
             WHERE id = (SELECT min(id) FROM aqb.budget_aenderung WHERE jahr = 2024);
            """)
        let change = try #require(
            try database.connection.query("SELECT id::text FROM aqb.budget_aenderung WHERE wirksam_am = '-infinity'").row(0).string(0))
        let out = try TemporaryFolder()
        let outcome = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let warnings = outcome.stderr.split(separator: "\n").filter { $0.contains(" warning ") && $0.contains("'-infinity'") }
        #expect(warnings.contains { $0.contains("projekt \(project)") && $0.contains("bescheid_am") }, "\(outcome.stderr)")
        #expect(warnings.contains { $0.contains("budget_aenderung \(change)") && $0.contains("wirksam_am") }, "\(outcome.stderr)")
    }
}

import Foundation
import Testing

@testable import AQBReport

/// `check` judges the newest booking as the report does: the sample's booking dated 2099-12-31
/// (`sql/sample/002_findings.sql`) is not "ok newest booking" but a warning naming it, and the
/// newest booking shown is the newest dated up to today.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct CheckFutureBookingTests {
    @Test func aBookingDated2099IsAWarningNotTheNewestBooking() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let outcome = try CommandRunner.run(["check", "--db", database.reportConninfo])
        #expect(outcome.status == 0, "a warning, not a failure: \(outcome.stdout)\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("ok") && $0.contains("2099-12-31") }, "\(outcome.stdout)")
        let warning = lines.first { $0.hasPrefix("WARN") && $0.contains("ausgabe 25990104 (2099-12-31)") }
        #expect(warning != nil, "\(outcome.stdout)")
        let newest = try database.connection.query("SELECT max(buchungstag)::text FROM aqb.ausgabe WHERE buchungstag <= current_date")
        let day = try #require(newest.row(0).string(0))
        #expect(lines.contains { $0.hasPrefix("ok") && $0.contains("newest booking") && $0.hasSuffix(day) }, "\(outcome.stdout)")
    }
}

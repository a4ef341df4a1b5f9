import Foundation
import Testing

@testable import AQBReport

/// The Rechtskreis chart shows exactly the counts `rechtskreise.csv` publishes: every published
/// count of Hessen and the Regierungsbezirke has its segment, no suppressed one has.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct RechtskreisChartTests {
    @Test func showsThePublishedCountsAndNoSuppressedOne() throws {
        let database = try TestDatabase()
        try database.loadSample()
        // Regierungsbezirk Gießen gets exactly one SGB XII participation in 2024: a count of 1 is
        // suppressed under any rule, so the chart must hide it.
        try database.load(
            """
            UPDATE aqb.teilnahme t SET rechtskreis = 'SGB II' FROM aqb.projekt p
             WHERE p.id = t.projekt_id AND p.jahr = 2024 AND p.ags LIKE '065%' AND t.rechtskreis = 'SGB XII';
            UPDATE aqb.teilnahme SET rechtskreis = 'SGB XII'
             WHERE id = (SELECT min(t.id) FROM aqb.teilnahme t JOIN aqb.projekt p ON p.id = t.projekt_id
                          WHERE p.jahr = 2024 AND p.ags LIKE '065%' AND t.eintritt <= '2025-09-30');
            """)
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30")
        let charts = try HTMLReportTests.decode(
            [String: HTMLReportTests.SVGFile].self, tool: "svg_check.py", [files.path + "/grafik-rechtskreise.svg"])
        let tooltips = try #require(charts["grafik-rechtskreise.svg"]).tooltips
        let (_, rows) = try files.rows("rechtskreise.csv")
        var suppressed = 0
        for row in rows where row[0] != Ebene.kreis.rawValue && row[3] != Suppression.nichtZugeordnet {
            let prefix = "\(row[2]), \(row[3]): "
            let shown = tooltips.filter { $0.hasPrefix(prefix) }
            if row[4] == Suppression.symbol {
                suppressed += 1
                #expect(shown.isEmpty, "\(prefix) is suppressed but drawn: \(shown)")
            } else if let count = Int(row[4]), count > 0 {
                let expected = "\(prefix)\(NumberFormat.count(count)) ("
                #expect(shown.count == 1 && shown.allSatisfy { $0.hasPrefix(expected) }, "\(prefix): \(shown)")
            } else {
                #expect(shown.isEmpty, "\(prefix) is 0")
            }
        }
        #expect(suppressed > 0)
        #expect(tooltips.contains { $0.hasPrefix("Regierungsbezirk Gießen, gesperrt: ") || $0 == "Gesamtzahl gesperrt" })
    }
}

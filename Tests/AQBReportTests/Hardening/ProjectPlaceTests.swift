import Foundation
import Testing

@testable import AQBReport

/// A project whose Kreis is not among the report's areas was placed in row 0, the Land's, and so
/// counted there by the disclosure audit. `ReportBuilder` refuses such a project (65), so it can
/// only come from a bug: it now stops the process instead of being counted somewhere.
@Suite struct ProjectPlaceTests {
    /// Hessen and one Kreis, one Maßnahmenart, and project 7 in `ags`.
    static func report(projectIn ags: String) throws -> YearReport {
        let art = Massnahmenart(code: "A", bezeichnung: "Ausbildung", sortierung: 1)
        var report = YearReport(
            year: 2024, asOf: try #require(CalendarDate(year: 2024, month: 9, day: 30)), massnahmenarten: [art], rechtskreise: [],
            areas: [
                Area(ebene: .land, key: "06", name: "Hessen", parentKey: nil),
                Area(ebene: .kreis, key: "06411", name: "Darmstadt", parentKey: "06"),
            ],
            figures: [Figures(massnahmenartCount: 1, rechtskreisCount: 0), Figures(massnahmenartCount: 1, rechtskreisCount: 0)])
        let project = Project(
            id: 7, ags: ags, massnahmenart: 0, bewilligt: .zero, ausgegeben: .zero, rechtskreisTeilnehmende: [],
            geschlecht: [0, 0, 0, 0])
        report.projects = [ProjectLine(project)]
        return report
    }

    @Test func aProjectOfAKnownAreaSitsInItsRow() throws {
        #expect(try Self.report(projectIn: "06411").countTable.projects?.places.map(\.area) == [1])
    }

    @Test func aProjectOfAnUnknownAreaIsNotCountedInTheLandsRow() async {
        await #expect(processExitsWith: .failure) {
            _ = try ProjectPlaceTests.report(projectIn: "06999").countTable
        }
    }
}

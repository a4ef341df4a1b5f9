import Testing

@testable import AQBReport

/// Charts from a hand-made report: suppressed counts stay hidden, the pro-rata line sits where
/// the calendar says, text is escaped.
@Suite struct ChartTests {
    /// Hessen, one Regierungsbezirk, one Kreis; 10 participants: A 7, B 2, C 1.
    static func report(suppressing cells: [Int]?, year: Int = 2025, asOf: String = "2025-09-30") throws -> YearReport {
        let rechtskreise = ["A", "B", "C"].enumerated().map { Category(code: $1, bezeichnung: "Rechtskreis \($1)", sortierung: $0) }
        let art = [Category(code: "M", bezeichnung: "Maßnahme <M> & Co", sortierung: 1)]
        var figures = Figures(massnahmenartCount: 1, rechtskreisCount: 3)
        figures.budgetVereinbart = Cents(100_000)
        figures.budgetAenderungen = .zero
        figures.ausgegeben = Cents(25_000)
        figures.teilnehmende = 10
        figures.geschlecht = [5, 5, 0, 0]
        figures.massnahmenarten[0].teilnehmende = 10
        figures.massnahmenarten[0].ausgegeben = Cents(25_000)
        figures.rechtskreisTeilnehmende = [7, 2, 1]
        let areas = [
            Land.area, Regierungsbezirk.darmstadt.area,
            Area(ebene: .kreis, key: "06411", name: "Darm<stadt> & \"Co\"", parentKey: Regierungsbezirk.darmstadt.key),
        ]
        let layout = CellLayout(massnahmenartCount: 1, rechtskreisCount: 3)
        let suppressed = cells.map { cells in
            Array(repeating: (0..<layout.cellCount).map { cells.contains($0) }, count: areas.count)
        }
        return YearReport(
            year: year, asOf: try #require(CalendarDate(iso: asOf)), massnahmenarten: art, rechtskreise: rechtskreise, areas: areas,
            figures: Array(repeating: figures, count: areas.count), suppressed: suppressed)
    }

    @Test func suppressedRechtskreiseShowOnlyAsOneHatchedSegment() throws {
        let layout = CellLayout(massnahmenartCount: 1, rechtskreisCount: 3)
        let report = try Self.report(suppressing: [layout.rechtskreis(1), layout.rechtskreis(2)])
        let svg = RechtskreisMixChart(report: report).chart.svg
        #expect(svg.contains("A: 7 (70,0\u{00A0}%)"))
        #expect(svg.contains("gesperrt: 3 (30,0\u{00A0}%)"))
        #expect(!svg.contains("B: ") && !svg.contains("C: "))
        #expect(!svg.contains("20,0\u{00A0}%") && !svg.contains("10,0\u{00A0}%"))
        let open = RechtskreisMixChart(report: try Self.report(suppressing: nil)).chart.svg
        #expect(
            open.contains("B: 2 (20,0\u{00A0}%)") && open.contains("C: 1 (10,0\u{00A0}%)") && !open.contains("gesperrt:")
                && !open.contains("gesperrt (*)"))
    }

    @Test func suppressedTotalDrawsNoBar() throws {
        let report = try Self.report(suppressing: [CountTable.totalIndex])
        let svg = RechtskreisMixChart(report: report).chart.svg
        #expect(svg.contains("Gesamtzahl gesperrt"))
        #expect(!svg.contains("70,0"))
    }

    @Test(arguments: [(2025, "2025-09-30", 748), (2025, "2025-01-01", 3), (2024, "2025-09-30", 1000), (2024, "2024-12-31", 1000)])
    func proRataLineFollowsTheCalendar(year: Int, asOf: String, tenths: Int) throws {
        #expect(AbflussChart(report: try Self.report(suppressing: nil, year: year, asOf: asOf)).proRataTenths == tenths)
    }

    @Test func textFromTheDatabaseIsEscaped() throws {
        let charts = ReportCharts.all(try Self.report(suppressing: nil))
        let all = charts.map(\.svg).joined()
        #expect(all.contains("Darm&lt;stadt&gt; &amp; &quot;Co&quot;"))
        #expect(all.contains("Maßnahme &lt;M&gt; &amp; Co"))
        #expect(!all.contains("<stadt>") && !all.contains("<M>"))
    }

    @Test func sameReportSameBytes() throws {
        let report = try Self.report(suppressing: nil)
        #expect(ReportCharts.all(report) == ReportCharts.all(report))
        #expect(
            ReportCharts.all(report).map(\.fileName) == [
                "grafik-mittelabfluss.svg", "grafik-rechtskreise.svg", "grafik-massnahmenarten.svg",
            ])
    }
}

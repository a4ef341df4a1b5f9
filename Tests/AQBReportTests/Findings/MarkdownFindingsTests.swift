import Testing

@testable import AQBReport

/// The findings section of `bericht.md` lists at most `findingsPerRule` rows per rule and counts
/// the rest, so one rule firing thousands of times (the benchmark's synthetic data) neither buries
/// the others nor makes the report unreadable; `auffaelligkeiten.csv` keeps every row.
@Suite struct MarkdownFindingsTests {
    @Test func eachRuleListsItsFirstRowsAndCountsTheRest() throws {
        let asOf = try #require(CalendarDate(iso: "2025-09-30"))
        var report = try ReportBuilder(year: 2025, asOf: asOf, kreise: [], budgets: [], massnahmenarten: [], rechtskreise: []).build()
        let many = (1...(MarkdownReport.findingsPerRule + 7)).map {
            Finding(regel: .ausgabeVorBescheid, ags: "06411", projektId: $0, beschreibung: "Buchung vor dem Bescheid \($0)")
        }
        report.findings = many + [Finding(regel: .budgetNegativ, ags: "06412", projektId: nil, beschreibung: "Budget negativ")]
        let context = ReportContext(erstelltAm: "heute", snapshotAm: "heute", neuesteBuchung: nil)
        let section = MarkdownReport(report: report, context: context).auffaelligkeiten
        let table = try #require(Cmark.tables(try Cmark.html(section)).first)
        #expect(table.rows.count == MarkdownReport.findingsPerRule + 1)
        #expect(table.rows.first?[1] == "BUDGET_NEGATIV")
        #expect(section.contains("7 weitere `AUSGABE_VOR_BESCHEID`"))
        #expect(section.contains("1 Fehler, \(MarkdownReport.findingsPerRule + 7) Warnungen"))
    }
}

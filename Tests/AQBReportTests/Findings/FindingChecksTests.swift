import Foundation
import Testing

@testable import AQBReport

/// The one-pass findings (issue 19): the rules on bookings and participations decided from the
/// report's own scan (`projects.sql`, `FindingChecks`) give exactly the findings of the former
/// two-pass `findings.sql` (kept as `Fixtures/findings-two-pass.sql`), row for row and word for
/// word, on the sample data with the rows that trigger every rule, plus dates at every edge.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct FindingChecksTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
        // Edges the sample does not have: bookings at ±infinity, on the day of the Bescheid and the
        // day before, on the Stichtag, on today and tomorrow; participations ending before they
        // began; a project of each year that spends without any participation.
        try database.load(
            """
            INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur)
            SELECT 980000 + n, p.id, d, 10.00 * n
            FROM (SELECT id, bescheid_am FROM aqb.projekt WHERE bescheid_am IS NOT NULL ORDER BY id LIMIT 6) p
            CROSS JOIN LATERAL (VALUES (1, '-infinity'::date), (2, 'infinity'::date), (3, p.bescheid_am),
                                       (4, p.bescheid_am - 1), (5, '2025-09-30'::date), (6, current_date),
                                       (7, current_date + 1), (8, '2024-12-31'::date)) AS v (k, d)
            CROSS JOIN LATERAL (SELECT (p.id % 1000) * 10 + k AS n) m;
            INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt)
            SELECT 990000 + row_number() OVER (ORDER BY id), id, 'SGB II', '2025-03-01', '2025-02-01'
            FROM (SELECT id FROM aqb.projekt ORDER BY id DESC LIMIT 2) p;
            INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, bewilligt_eur, bescheid_am)
            SELECT 970000 + jahr, ags, jahr, 'AQV', 'Ohne Teilnahmen ' || jahr, 1000.00, make_date(jahr, 2, 1)
            FROM (SELECT min(ags) AS ags, jahr FROM aqb.zielvereinbarung WHERE jahr IN (2024, 2025) GROUP BY jahr) z;
            INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur)
            SELECT 970000 + jahr, 970000 + jahr, make_date(jahr, 3, 1), 100.00
            FROM (SELECT DISTINCT jahr FROM aqb.zielvereinbarung WHERE jahr IN (2024, 2025)) z;
            """)
    }

    /// The reference: the former query, worded and ordered as the files show it.
    func twoPass(year: Int, asOf: CalendarDate, zaehltag: CalendarDate, margin: Int) throws -> [Finding] {
        let sql = try String(contentsOfFile: Repository.fixtures + "/findings-two-pass.sql", encoding: .utf8)
        let words = FindingDescription(year: year, asOf: asOf, proRataMargin: margin)
        var findings: [Finding] = []
        try database.connection.stream(
            sql, [String(year), asOf.description, String(margin), zaehltag.description], columns: FindingRow.columns
        ) { row in
            let values = try FindingRow(row)
            findings.append(Finding(regel: values.regel, ags: values.ags, projektId: values.projektId, beschreibung: words.text(values)))
        }
        return Finding.ordered(findings)
    }

    @Test(arguments: [
        (2024, "2025-09-30", "2025-08-31", 50), (2025, "2025-09-30", "2025-09-30", 50), (2025, "2025-06-15", "2025-05-31", 0),
        (2025, "2025-12-31", "2025-12-31", 100), (2024, "2024-03-01", "2024-02-29", 30), (2023, "2025-09-30", "2025-09-30", 50),
    ])
    func givesExactlyTheFindingsOfTheTwoPassQuery(year: Int, asOf: String, zaehltag: String, margin: Int) throws {
        let asOf = try #require(CalendarDate(iso: asOf))
        let zaehltag = try #require(CalendarDate(iso: zaehltag))
        let expected = try twoPass(year: year, asOf: asOf, zaehltag: zaehltag, margin: margin)
        let onePass = try FindingQuery(connection: database.connection).findings(
            year: year, asOf: asOf, zaehltag: zaehltag, proRataMargin: margin)
        #expect(onePass == expected)
        // The comparison means something only where there is something to compare.
        if year != 2023 { #expect(Set(expected.map(\.regel)).count >= 4, "\(Set(expected.map(\.regel)))") }
    }

    /// Every rule of the catalogue fires somewhere in these cases, so none is compared only empty.
    @Test func theCasesCoverEveryRule() throws {
        var seen = Set<FindingRule>()
        for (year, asOf, zaehltag) in [
            (2024, "2025-09-30", "2025-08-31"), (2025, "2025-09-30", "2025-09-30"), (2023, "2025-09-30", "2025-09-30"),
        ] {
            let asOf = try #require(CalendarDate(iso: asOf))
            let zaehltag = try #require(CalendarDate(iso: zaehltag))
            seen.formUnion(try twoPass(year: year, asOf: asOf, zaehltag: zaehltag, margin: 50).map(\.regel))
        }
        #expect(Set(FindingRule.allCases).subtracting(seen).isEmpty, "never fired: \(Set(FindingRule.allCases).subtracting(seen))")
    }

    /// The report the runner reads with its findings is the report `ReportQueries` reads alone:
    /// the findings' columns change no figure.
    @Test func theFindingsColumnsChangeNoFigure() throws {
        let asOf = try #require(CalendarDate(iso: "2025-09-30"))
        let zaehltag = try #require(CalendarDate(iso: "2025-08-31"))
        let queries = ReportQueries(connection: database.connection)
        let (plain, plainCounts) = try queries.yearReport(year: 2025, asOf: asOf, zaehltag: zaehltag)
        let (withFindings, counts) = try FindingQuery(connection: database.connection).report(
            queries: queries, year: 2025, asOf: asOf, zaehltag: zaehltag, proRataMargin: 50, logger: nil)
        #expect(withFindings.findings?.isEmpty == false)
        #expect(withFindings.figures == plain.figures)
        #expect(withFindings.projects == plain.projects)
        #expect(withFindings.areas == plain.areas)
        #expect(withFindings.newestCountedBooking == plain.newestCountedBooking)
        #expect(counts == plainCounts)
    }

    /// The previous cohort read the lighter way has every figure, project and count of the full
    /// read, only no split per calendar year (issue 19): `vorjahr.csv` and its disclosure control
    /// see the same numbers.
    @Test func thePreviousCohortHasTheFiguresOfTheFullRead() throws {
        let asOf = try #require(CalendarDate(iso: "2024-09-30"))
        let zaehltag = try #require(CalendarDate(iso: "2024-08-31"))
        let queries = ReportQueries(connection: database.connection)
        let (full, _) = try queries.yearReport(year: 2024, asOf: asOf, zaehltag: zaehltag)
        let light = try queries.previousCohort(year: 2024, asOf: asOf, zaehltag: zaehltag)
        #expect(full.figures.contains { !$0.haushaltsjahre.isEmpty })
        #expect(light.figures.allSatisfy { $0.haushaltsjahre.isEmpty })
        var figures = full.figures
        for index in figures.indices { figures[index].haushaltsjahre = [] }
        #expect(light.figures == figures)
        #expect(light.projects == full.projects)
        #expect(light.newestCountedBooking == full.newestCountedBooking)
        #expect(light.countTable == full.countTable)
    }

    /// The pro-rata line in cents, rounded half away from zero as NUMERIC's `round(…, 2)`.
    @Test(arguments: [
        (100_000, 1, 365, 274), (100_000, 183, 366, 50_000), (1, 183, 366, 1), (1, 182, 366, 0), (-1, 183, 366, -1),
        (123_456_789, 273, 365, 92_338_913), (50, 1, 4, 13), (-50, 1, 4, -13), (30, 1, 4, 8),
    ])
    func roundsTheLineHalfAwayFromZero(budget: Int64, vergangen: Int, tage: Int, cents: Int64) {
        #expect(FindingChecks.roundedLine(budget: Cents(budget), vergangen: vergangen, tage: tage) == Cents(cents))
    }
}

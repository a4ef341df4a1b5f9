import Foundation
import Testing

@testable import AQBReport

/// Each rule of `sql/report/findings.sql` against the real database: data that trigger it and,
/// at its boundary, data that must not. The schema's reference areas are there; each test adds
/// the Zielvereinbarungen, projects, bookings and participations it needs, for AQB year 2025.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct FindingQueryTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
    }

    /// The findings of one rule, read as the report reads them.
    func findings(
        _ rule: FindingRule, year: Int = 2025, asOf: String = "2025-09-30", margin: Int = 50
    ) throws -> [Finding] {
        let date = try #require(CalendarDate(iso: asOf))
        return try FindingQuery(connection: database.connection).findings(year: year, asOf: date, proRataMargin: margin)
            .filter { $0.regel == rule }
    }

    /// A Zielvereinbarung of 2025 and one project of it.
    func project(
        _ id: Int, ags: String = "06411", bewilligt: String = "1000.00", bescheid: String? = "2025-03-01", budget: String = "100000.00"
    ) throws {
        try database.load(
            """
            INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur) VALUES ('\(ags)', 2025, \(budget)) ON CONFLICT DO NOTHING;
            INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, traeger, bewilligt_eur, bescheid_am)
                VALUES (\(id), '\(ags)', 2025, 'AQV', 'Projekt \(id)', 'Träger \(id)', \(bewilligt), \(bescheid.map { "'\($0)'" } ?? "NULL"));
            """)
    }

    func booking(_ id: Int, project: Int, on day: String, _ amount: String) throws {
        try database.load(
            "INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur) VALUES (\(id), \(project), \(day), \(amount))")
    }

    func participation(_ id: Int, project: Int, entry: String, exit: String? = nil) throws {
        try database.load(
            """
            INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt)
                VALUES (\(id), \(project), 'SGB II', '\(entry)', \(exit.map { "'\($0)'" } ?? "NULL"))
            """)
    }

    @Test func approvalsExactlyAtTheBudgetAreNoFindingOneCentMoreIs() throws {
        try project(1, bewilligt: "1100.00", bescheid: "2025-09-30", budget: "1000.00")
        try database.load(
            """
            INSERT INTO aqb.budget_aenderung (id, ags, jahr, wirksam_am, betrag_eur) VALUES
                (1, '06411', 2025, '2025-09-30', 100.00),   -- effective on the Stichtag: counts
                (2, '06411', 2025, '2025-10-01', 500.00);   -- after it: does not
            INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, bewilligt_eur, bescheid_am)
                VALUES (2, '06411', 2025, 'AQV', 'Bescheid nach dem Stichtag', 5000.00, '2025-10-01');
            """)
        #expect(try findings(.bewilligtUeberBudget).isEmpty)
        try database.load(
            "INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, bewilligt_eur, bescheid_am) VALUES (3, '06411', 2025, 'AQV', 'x', 0.01, '2025-09-30')"
        )
        let found = try findings(.bewilligtUeberBudget)
        #expect(found.count == 1)
        #expect(found.first?.ags == "06411")
        #expect(found.first?.projektId == nil)
        #expect(
            found.first?.beschreibung
                == "Bewilligt 1.100,01\u{A0}€ bei einem Budget von 1.100,00\u{A0}€ zum Stichtag: 0,01\u{A0}€ über dem Budget.")
    }

    @Test func spendingUpToTheApprovalIsNoFindingOneCentMoreIs() throws {
        try project(1, bewilligt: "1000.00")
        try booking(1, project: 1, on: "'2025-09-30'", "1000.00")
        try booking(2, project: 1, on: "'2025-10-01'", "0.01")  // after the Stichtag: not counted
        #expect(try findings(.ausgegebenUeberBewilligt).isEmpty)
        try booking(3, project: 1, on: "'2025-09-29'", "0.01")
        let found = try findings(.ausgegebenUeberBewilligt)
        #expect(found.map(\.projektId) == [1])
        #expect(found.first?.beschreibung.contains("0,01\u{A0}€ mehr als bewilligt") == true)
    }

    @Test func spendingWithoutABescheidUpToTheStichtag() throws {
        try project(1, bescheid: nil)  // no bookings: nothing to find
        try project(2, bescheid: nil)
        try booking(1, project: 2, on: "'2025-10-01'", "10.00")  // after the Stichtag only
        try project(3, bescheid: "2025-10-15")
        try booking(2, project: 3, on: "'2025-09-01'", "20.00")
        try project(4, bescheid: nil)
        try booking(3, project: 4, on: "'2025-09-30'", "30.00")
        try project(5, bescheid: "2025-09-30")
        try booking(4, project: 5, on: "'2025-09-30'", "40.00")
        let found = try findings(.ausgabeOhneBescheid)
        #expect(found.map(\.projektId) == [3, 4])
        #expect(found[0].beschreibung.contains("der Bescheid ist erst vom 15.10.2025, nach dem Stichtag"))
        #expect(found[1].beschreibung.hasSuffix("1 Buchung über 30,00\u{A0}€ bis zum Stichtag, aber kein Bescheid."))
        // The Bescheid after the Stichtag makes this no "before the Bescheid" finding as well.
        #expect(try findings(.ausgabeVorBescheid).isEmpty)
    }

    @Test func aBookingOnTheDayOfTheBescheidIsNotEarlyTheDayBeforeIs() throws {
        try project(1, bescheid: "2025-05-15")
        try booking(1, project: 1, on: "'2025-05-15'", "100.00")
        #expect(try findings(.ausgabeVorBescheid).isEmpty)
        try booking(2, project: 1, on: "'2025-05-14'", "50.00")
        try booking(3, project: 1, on: "'2025-02-01'", "-5.00")
        let found = try findings(.ausgabeVorBescheid)
        #expect(found.map(\.projektId) == [1])
        #expect(
            found.first?.beschreibung
                == "Projekt „Projekt 1“ (Träger: Träger 1): 2 Buchungen über 45,00\u{A0}€ vor dem Bescheid vom 15.05.2025 gebucht, die früheste am 01.02.2025."
        )
    }

    @Test func anAreaValidInTheYearWithoutZielvereinbarung() throws {
        // No Zielvereinbarung in the year at all: that is JAHR_OHNE_DATEN, not 26 of these.
        #expect(try findings(.keineZielvereinbarung).isEmpty)
        #expect(try findings(.jahrOhneDaten).count == 1)
        try database.load(
            """
            INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur)
                SELECT ags, 2025, 1000.00 FROM aqb.gebietskoerperschaft WHERE ags <> '06412';
            INSERT INTO aqb.gebietskoerperschaft (ags, name, art, regierungsbezirk, gueltig_ab, gueltig_bis) VALUES
                ('06498', 'Bis Ende 2024', 'Landkreis', 'Darmstadt', NULL, '2024-12-31'),
                ('06497', 'Ab Silvester', 'Landkreis', 'Darmstadt', '2025-12-31', NULL),
                ('06496', 'Ab 2026', 'Landkreis', 'Darmstadt', '2026-01-01', NULL);
            """)
        let found = try findings(.keineZielvereinbarung)
        #expect(found.map(\.ags) == ["06412", "06497"])
        #expect(
            found.first?.beschreibung
                == "„Frankfurt am Main“ ist im Jahr 2025 gültig, hat aber keine Zielvereinbarung für das AQB-Jahr 2025.")
        #expect(try findings(.jahrOhneDaten).isEmpty)
    }

    @Test func aZielvereinbarungForAnAreaValidOnNoDayOfTheYear() throws {
        try database.load(
            """
            INSERT INTO aqb.gebietskoerperschaft (ags, name, art, regierungsbezirk, gueltig_ab, gueltig_bis) VALUES
                ('06498', 'Bis Ende 2024', 'Landkreis', 'Darmstadt', NULL, '2024-12-31'),
                ('06497', 'Nur am Neujahrstag', 'Landkreis', 'Darmstadt', '2020-01-01', '2025-01-01'),
                ('06496', 'Erst ab 2026', 'kreisfreie Stadt', 'Darmstadt', '2026-01-01', NULL);
            INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur) VALUES ('06498', 2025, 1.00), ('06497', 2025, 1.00), ('06496', 2025, 1.00);
            """)
        let found = try findings(.zielvereinbarungGebietUngueltig)
        #expect(found.map(\.ags) == ["06496", "06498"])
        #expect(found[0].beschreibung.hasSuffix("ist aber nur ab dem 01.01.2026 gültig."))
        #expect(found[1].beschreibung.hasSuffix("ist aber nur bis zum 31.12.2024 gültig."))
    }

    @Test func aParticipationThatEndsBeforeItBeginsNamesTheProjectButNoCount() throws {
        try project(1)
        try participation(1, project: 1, entry: "2025-03-01", exit: "2025-03-01")  // same day: fine
        try participation(2, project: 1, entry: "2025-10-02", exit: "2025-10-01")  // entry after the Stichtag
        #expect(try findings(.teilnahmeEndeVorBeginn).isEmpty)
        try participation(3, project: 1, entry: "2025-03-02", exit: "2025-03-01")
        try participation(4, project: 1, entry: "2025-04-02", exit: "2025-01-01")
        let found = try findings(.teilnahmeEndeVorBeginn)
        #expect(found.map(\.projektId) == [1], "one finding per project, however many participations")
        #expect(
            found.first?.beschreibung
                == "Projekt „Projekt 1“ (Träger: Träger 1): mindestens eine Teilnahme endet vor ihrem Eintritt; Eintritts- und Austrittsdatum prüfen."
        )
        #expect(FindingRule.teilnahmeEndeVorBeginn.impliesParticipants == .atLeastOne)
    }

    @Test func bookingsAfterTheStichtagAreOneHintForTheLand() throws {
        try project(1)
        try booking(1, project: 1, on: "'2025-09-30'", "1.00")
        #expect(try findings(.buchungNachStichtag).isEmpty)
        try booking(2, project: 1, on: "'2025-10-01'", "2.50")
        try booking(3, project: 1, on: "current_date", "3.00")
        try booking(4, project: 1, on: "'2099-12-31'", "1000.00")  // after the snapshot: the other rule
        let found = try findings(.buchungNachStichtag)
        #expect(found.count == 1)
        #expect(found.first?.ags == "")
        #expect(found.first?.schwere == .hinweis)
        #expect(
            found.first?.beschreibung.hasPrefix(
                "2 Buchungen über 5,50\u{A0}€ der Projekte des AQB-Jahres 2025 sind nach dem Stichtag (30.09.2025) datiert") == true)
    }

    @Test func bookingsAfterTheSnapshotOrAtInfinityAreAnError() throws {
        try project(1)
        try project(2)
        try booking(1, project: 1, on: "current_date", "1.00")
        #expect(try findings(.buchungNachDatenstand).isEmpty)
        try booking(2, project: 1, on: "current_date + 1", "2.00")
        try booking(3, project: 1, on: "'2099-12-31'", "3.00")
        try booking(4, project: 2, on: "'infinity'", "4.00")
        let found = try findings(.buchungNachDatenstand)
        #expect(found.map(\.projektId) == [1, 2])
        #expect(
            found[0].beschreibung.contains(
                "2 Buchungen über 5,00\u{A0}€ nach dem Tag des Datenstands oder unbestimmt datiert (späteste: 31.12.2099)"))
        #expect(found[1].beschreibung.contains("(späteste: infinity)"))
        #expect(found.allSatisfy { $0.schwere == .fehler })
    }

    @Test func aBudgetOfZeroIsNoFindingBelowZeroIs() throws {
        try database.load(
            """
            INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur) VALUES ('06411', 2025, 1000.00), ('06412', 2025, 1000.00);
            INSERT INTO aqb.budget_aenderung (id, ags, jahr, wirksam_am, betrag_eur) VALUES
                (1, '06411', 2025, '2025-06-01', -1000.00),
                (2, '06412', 2025, '2025-06-01', -1000.01),
                (3, '06412', 2025, '2025-10-01', 5000.00);
            """)
        let found = try findings(.budgetNegativ)
        #expect(found.map(\.ags) == ["06412"])
        #expect(
            found.first?.beschreibung == "Budget -0,01\u{A0}€: vereinbart 1.000,00\u{A0}€, Änderungen bis zum Stichtag -1.000,01\u{A0}€.")
    }

    @Test func spendingWithoutCountedParticipants() throws {
        try project(1)
        try booking(1, project: 1, on: "'2025-06-01'", "100.00")
        try participation(1, project: 1, entry: "2025-09-30")  // entered on the Stichtag: counted
        try project(2)
        try booking(2, project: 2, on: "'2025-06-01'", "100.00")
        try booking(3, project: 2, on: "'2025-06-02'", "-100.00")  // a Storno pair: nothing spent
        try project(3)
        try booking(4, project: 3, on: "'2025-06-01'", "70.00")
        try participation(2, project: 3, entry: "2025-10-01")  // after the Stichtag: not counted
        let found = try findings(.ausgabenOhneTeilnehmende)
        #expect(found.map(\.projektId) == [3])
        #expect(found.first?.beschreibung.contains("70,00\u{A0}€ ausgegeben bis zum Stichtag, aber keine Teilnahme") == true)
        #expect(FindingRule.ausgabenOhneTeilnehmende.impliesParticipants == .zero)
    }

    /// 2025-07-02 is day 183 of 365: a budget of 365.000,00 € has a pro-rata line of exactly
    /// 183.000,00 €, so the boundary is exact in cents.
    @Test func spendingBehindTheProRataLineByMoreThanTheMargin() throws {
        try project(1, budget: "365000.00")
        try booking(1, project: 1, on: "'2025-07-01'", "183000.00")
        #expect(try findings(.abflussUnterZeitanteil, asOf: "2025-07-02", margin: 0).isEmpty, "exactly on the line")
        try booking(2, project: 1, on: "'2025-07-02'", "-0.01")
        let found = try findings(.abflussUnterZeitanteil, asOf: "2025-07-02", margin: 0)
        #expect(found.map(\.ags) == ["06411"])
        #expect(
            found.first?.beschreibung
                == "Ausgegeben 182.999,99\u{A0}€ = 50,1\u{A0}% des Budgets von 365.000,00\u{A0}€; nach dem Zeitanteil (183 von 365 Tagen des Jahres 2025, 50,1\u{A0}%) wären es 183.000,00\u{A0}€; das sind mehr als 0 Prozentpunkte weniger."
        )
        // 10 points of 365.000 € are 36.500 €: the line minus the margin is 146.500,00 €.
        #expect(try findings(.abflussUnterZeitanteil, asOf: "2025-07-02", margin: 10).isEmpty)
        try booking(3, project: 1, on: "'2025-07-02'", "-36499.99")
        #expect(try findings(.abflussUnterZeitanteil, asOf: "2025-07-02", margin: 10).isEmpty, "146.500,00 € is on the margin")
        try booking(4, project: 1, on: "'2025-07-02'", "-0.01")
        #expect(try findings(.abflussUnterZeitanteil, asOf: "2025-07-02", margin: 10).count == 1)
        // Years later the line is the whole budget (capped at 1): 146.499,99 € is far behind.
        let later = try findings(.abflussUnterZeitanteil, asOf: "2027-03-31", margin: 50)
        #expect(later.first?.beschreibung.contains("(365 von 365 Tagen des Jahres 2025, 100,0\u{A0}%) wären es 365.000,00\u{A0}€") == true)
    }

    @Test func aBudgetOfZeroHasNoProRataLine() throws {
        try project(1, budget: "0.00")
        #expect(try findings(.abflussUnterZeitanteil, margin: 0).isEmpty)
    }

    @Test func aYearWithoutAnyDataIsOneErrorForTheLand() throws {
        let found = try findings(.jahrOhneDaten, year: 2023)
        #expect(found.count == 1)
        #expect(found.first?.ags == "")
        #expect(found.first?.schwere == .fehler)
        let date = try #require(CalendarDate(iso: "2025-09-30"))
        let all = try FindingQuery(connection: database.connection).findings(year: 2023, asOf: date, proRataMargin: 50)
        #expect(all.map(\.regel) == [.jahrOhneDaten], "nothing else is said about an empty year")
        try project(1)
        #expect(try findings(.jahrOhneDaten).isEmpty)
    }
}

import Foundation
import Testing

@testable import AQBReport

/// Every figure of every file for a small hand-made data set (Fixtures/figures.sql), worked out by
/// hand in the comments. Disclosure control is off here so raw counts can be checked; the
/// suppression rules have their own tests.
@Suite struct ReportFiguresTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.load(String(contentsOfFile: Repository.fixtures + "/figures.sql", encoding: .utf8))
    }

    static let kreiseColumns = [
        "ebene", "ags", "name", "budget_vereinbart_eur", "budget_aenderungen_eur", "budget_eur", "bewilligt_eur",
        "ausgegeben_eur", "rest_eur", "abfluss_prozent", "projekte", "teilnehmende", "teilnehmende_w", "teilnehmende_m",
        "teilnehmende_d", "teilnehmende_ohne_angabe", "art", "teilnehmende_mit_behinderung", "teilnehmende_behinderung_unbekannt",
        "teilnahmen_aktiv_am_stichtag", "bewilligungsquote_prozent", "bewilligt_nicht_ausgegeben_eur", "plaetze_geplant",
        "projekte_ohne_plan",
    ]

    func row(_ values: [String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(Self.kreiseColumns, values))
    }

    @Test func theHeaderNamesEachTimeWithItsLabel() throws {
        // At 2024-09-30 the cohort's newest counted booking is 30.09.2024 (10-01 and 2025-01-15
        // come later); the database's newest, up to the day of the snapshot, is 15.01.2025.
        let files = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", disclosureControl: false)
        let text = try files.text("bericht.md")
        #expect(text.contains("- Stichtag (Beträge): 30.09.2024\n"))
        #expect(text.contains("- Zähltag (Teilnehmende und jede andere Zahl von Personen): 30.09.2024\n"))
        #expect(text.contains("- Neueste gezählte Buchung (Projekte des AQB-Jahres 2024, bis zum Stichtag): 30.09.2024\n"))
        #expect(text.contains("- Neueste Buchung in der Datenbank (alle AQB-Jahre, bis zum Tag des Datenstands): 15.01.2025\n"))
        #expect(text.contains("- Datenstand (Lesezeitpunkt der Datenbank): "))
        // Before the first booking of the cohort: nothing counted.
        let early = try ReportFiles(database: database, year: 2024, asOf: "2024-01-05", disclosureControl: false)
        #expect(try early.text("bericht.md").contains("bis zum Stichtag): keine\n"))
        #expect(try early.text("bericht.md").contains("Zahl von Personen): 31.12.2023\n"))
    }

    /// Money as of the Stichtag, people as of the counting day: the last month-end on or before
    /// the Stichtag unless `count_day: stichtag` (issue 15). The 'ohne' participant of 06411
    /// entered on 2024-10-01, the booking of 20.00 is dated 2024-10-01 too.
    @Test(arguments: [(ZaehltagRule.monthEnd, "3", "30.09.2024"), (.stichtag, "4", "15.10.2024")])
    func peopleAreCountedOnTheCountingDay(rule: ZaehltagRule, teilnehmende: String, zaehltag: String) throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2024-10-15", disclosureControl: false, zaehltagRule: rule)
        let kreise = try files.kreise()
        #expect(kreise["06411"]?["teilnehmende"] == teilnehmende)
        #expect(kreise["06411"]?["ausgegeben_eur"] == "203,33")
        let text = try files.text("bericht.md")
        #expect(text.contains("- Stichtag (Beträge): 15.10.2024\n"))
        #expect(text.contains("Zahl von Personen): \(zaehltag)\n"))
    }

    @Test func kreiseAtStichtag() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", format: .rfc4180, disclosureControl: false)
        #expect(files.path.hasSuffix("/2024/2024-09-30-intern"))
        let (header, rows) = try files.rows("kreise.csv")
        #expect(header == Self.kreiseColumns)
        // 26 reference Kreise + Neustadt (Zielvereinbarung 2024) − none; Altkreis ended 2023; + 3 RB + Land.
        #expect(rows.count == 27 + 3 + 1)
        #expect(rows.map { $0[1] } == rows.map { $0[1] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(rows.first?[1] == "06" && rows[1][1] == "064" && rows[2][1] == "06411")
        let kreise = try files.kreise()
        #expect(kreise["06999"] == nil)
        // P1 150.00 (100.00 + 50.01 − 0.01; 20.00 on 10-01 and 7.00 in 2025 are after the Stichtag) + P2 33.33
        // (no Bescheid yet, still spent). Bewilligt only P1 (P2's Bescheid is after the Stichtag).
        // Budget 1000 + 100 (the −50 is effective after the Stichtag). Abfluss 183.33 / 1100 = 16.666 % → 16.7.
        #expect(
            kreise["06411"]
                == row([
                    "Kreis", "06411", "Darmstadt, Stadt", "1000.00", "100.00", "1100.00", "600.00", "183.33", "916.67", "16.7", "2", "3",
                    "2", "1",
                    "0", "0", "kreisfreie Stadt",
                    // ids 1 (mit), 2 (nein, left on 03-01: not active), 3 (unknown); 600 / 1100 = 54.5 %;
                    // 600.00 − 183.33; P1 plans 4 places, P2 none.
                    "1", "1", "2", "54.5", "416.67", "4", "1",
                ]))
        // Budget 0: abfluss empty; a project without anything.
        #expect(
            kreise["06412"]
                == row([
                    "Kreis", "06412", "Frankfurt am Main", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "", "1", "0", "0", "0", "0", "0",
                    "kreisfreie Stadt", "0", "0", "0", "", "0.00", "0", "1",
                ]))
        // P3 (no Bescheid: bewilligt 0, spent 10.00) and P4 (50.00 approved, −5.00 repaid). 5.00 / 500 = 1.0 %.
        #expect(
            kreise["06634"]
                == row([
                    "Kreis", "06634", "Schwalm-Eder-Kreis", "500.00", "0.00", "500.00", "50.00", "5.00", "495.00", "1.0", "2", "6", "2",
                    "3", "1", "0", "Landkreis",
                    // ids 5–10 all active; mit: 6; unknown: 7, 10. 50 / 500 = 10 %; 50.00 − 5.00; P3 plans 2.
                    "1", "2", "6", "10.0", "45.00", "2", "1",
                ]))
        #expect(
            kreise["06998"]
                == row([
                    "Kreis", "06998", "Neustadt", "10.00", "0.00", "10.00", "0.00", "0.00", "10.00", "0.0", "0", "0", "0", "0", "0", "0",
                    "kreisfreie Stadt", "0", "0", "0", "0.0", "0.00", "0", "0",
                ]))
        // No Zielvereinbarung: the budget cells and abfluss are empty.
        #expect(
            kreise["06531"]
                == row([
                    "Kreis", "06531", "Gießen", "", "", "", "0.00", "0.00", "", "", "0", "0", "0", "0", "0", "0", "Landkreis", "0", "0",
                    "0",
                    "", "0.00", "0", "0",
                ]))
        // Regierungsbezirke: budget sums over the Kreise with a Zielvereinbarung; empty if none has one.
        // Darmstadt: 183.33 / 1110 = 16.516 % → 16.5.
        #expect(
            kreise["064"]
                == row([
                    "Regierungsbezirk", "064", "Regierungsbezirk Darmstadt", "1010.00", "100.00", "1110.00", "600.00", "183.33", "926.67",
                    "16.5", "3", "3", "2", "1", "0", "0", "", "1", "1", "2", "54.1", "416.67", "4", "2",
                ]))
        #expect(
            kreise["065"]
                == row([
                    "Regierungsbezirk", "065", "Regierungsbezirk Gießen", "", "", "", "0.00", "0.00", "", "", "0", "0", "0", "0", "0", "0",
                    "", "0", "0", "0", "", "0.00", "0", "0",
                ]))
        #expect(
            kreise["066"]
                == row([
                    "Regierungsbezirk", "066", "Regierungsbezirk Kassel", "500.00", "0.00", "500.00", "50.00", "5.00", "495.00", "1.0", "2",
                    "6", "2", "3", "1", "0", "", "1", "2", "6", "10.0", "45.00", "2", "1",
                ]))
        // Land: 188.33 / 1610 = 11.697 % → 11.7.
        #expect(
            kreise["06"]
                == row([
                    "Land", "06", "Hessen", "1510.00", "100.00", "1610.00", "650.00", "188.33", "1421.67", "11.7", "5", "9", "4", "4", "1",
                    // 650 / 1610 = 40.37 % → 40.4.
                    "0", "", "2", "3", "8", "40.4", "461.67", "6", "3",
                ]))
    }

    @Test func massnahmenartenAtStichtag() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", format: .rfc4180, disclosureControl: false)
        let (header, rows) = try files.rows("massnahmenarten.csv")
        #expect(
            header == [
                "ebene", "ags", "name", "massnahmenart", "projekte", "bewilligt_eur", "ausgegeben_eur", "teilnehmende", "plaetze_geplant",
                "projekte_ohne_plan",
            ])
        #expect(rows.count == 31 * 4)
        #expect(rows.prefix(4).map { $0[3] } == ["AQV", "AUS", "QAF", "WBF"])
        let cells = try files.byCategory("massnahmenarten.csv")
        func values(_ key: String) -> [String] {
            guard let row = cells[key] else { return [] }
            return ["projekte", "bewilligt_eur", "ausgegeben_eur", "teilnehmende"].map { row[$0] ?? "?" }
        }
        #expect(values("06411/AQV") == ["1", "600.00", "150.00", "3"])
        #expect(values("06411/AUS") == ["1", "0.00", "33.33", "0"])
        #expect(values("06411/QAF") == ["0", "0.00", "0.00", "0"])
        #expect(values("06634/QAF") == ["1", "0.00", "10.00", "3"])
        #expect(values("06634/WBF") == ["1", "50.00", "-5.00", "3"])
        #expect(values("06412/AQV") == ["1", "0.00", "0.00", "0"])
        #expect(values("06/AQV") == ["2", "600.00", "150.00", "3"])
        #expect(values("06/WBF") == ["1", "50.00", "-5.00", "3"])
        #expect(values("065/AQV") == ["0", "0.00", "0.00", "0"])
    }

    @Test func rechtskreiseCountParticipationsOnly() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", format: .rfc4180, disclosureControl: false)
        let (header, rows) = try files.rows("rechtskreise.csv")
        // No money per Rechtskreis (issue 18): a share of the spending in proportion to the
        // participants let a reader recompute suppressed counts.
        #expect(header == ["ebene", "ags", "name", "rechtskreis", "teilnehmende"])
        #expect(rows.count == 31 * 6)
        #expect(rows.prefix(6).map { $0[3] } == ["SGB II", "SGB III", "SGB VIII", "SGB XII", "AsylbLG", "ohne"])
        let cells = try files.byCategory("rechtskreise.csv")
        func count(_ key: String) -> String { cells[key]?["teilnehmende"] ?? "?" }
        // P1: SGB II 2, SGB III 1; P2 has no participants.
        #expect(["SGB II", "SGB III", "ohne"].map { count("06411/\($0)") } == ["2", "1", "0"])
        // P3: SGB II, SGB VIII, AsylbLG one each; P4: SGB II 1, SGB III 2.
        #expect(["SGB II", "SGB III", "SGB VIII", "SGB XII", "AsylbLG"].map { count("06634/\($0)") } == ["2", "2", "1", "0", "1"])
        #expect(count("06/SGB II") == "4")
    }

    @Test func laterStichtagTakesLaterBookingsApprovalsAndChanges() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-06-30", format: .de, disclosureControl: false)
        let kreise = try files.kreise()
        // Bookings of 2024-10-01 (20.00) and 2025-01-15 (7.00) now count; P2's Bescheid too;
        // the −50 change too; the 'ohne' participant without Geschlecht entered on 2024-10-01.
        #expect(
            kreise["06411"]
                == row([
                    "Kreis", "06411", "Darmstadt, Stadt", "1000,00", "50,00", "1050,00", "900,00", "210,33", "839,67", "20,0", "2", "4",
                    "2", "1",
                    "0", "1", "kreisfreie Stadt",
                    // id 4 (mit, active) entered on 2024-10-01; 900 / 1050 = 85.71 % → 85,7; 900.00 − 210.33.
                    "2", "1", "3", "85,7", "689,67", "4", "1",
                ]))
        // Spending by calendar year of booking: P1 170.00 + P2 33.33 in 2024, P1's 7.00 in 2025.
        let (_, jahre) = try files.rows("haushaltsjahre.csv")
        #expect(jahre.filter { $0[1] == "06411" }.map { [$0[3], $0[4]] } == [["2024", "203,33"], ["2025", "7,00"]])
        #expect(jahre.filter { $0[1] == "06" }.map { [$0[3], $0[4]] } == [["2024", "208,33"], ["2025", "7,00"]])
        let rechtskreise = try files.byCategory("rechtskreise.csv")
        #expect(rechtskreise["06411/SGB II"]?["teilnehmende"] == "2")
        #expect(rechtskreise["06411/ohne"]?["teilnehmende"] == "1")
    }

    @Test func sameDataGiveByteIdenticalFiles() throws {
        let first = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30")
        let second = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30")
        for name in ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv", "bericht.md"] {
            #expect(try first.folder.bytes("2024/2024-09-30/" + name) == second.folder.bytes("2024/2024-09-30/" + name))
        }
    }
}

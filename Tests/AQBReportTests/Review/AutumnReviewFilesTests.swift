import Foundation
import Testing

@testable import AQBReport

/// The autumn review's files on the sample data (issue 9): earmarks, inclusion, targets, budget
/// changes, Haushaltsjahre and the project list reconcile with `kreise.csv` and
/// `massnahmenarten.csv` to the cent and to the participation, and the counts equal what
/// PostgreSQL counts directly.
@Suite struct AutumnReviewFilesTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
    }

    func cents(_ text: String?) -> Int64 {
        guard let text, !text.isEmpty else { return 0 }
        return Cents(numericText: text.replacingOccurrences(of: ",", with: "."))?.value ?? Int64.min
    }

    func int(_ text: String?) -> Int { Int(text ?? "") ?? -1 }

    /// A file's rows as dictionaries by column name.
    func records(_ files: ReportFiles, _ name: String) throws -> [[String: String]] {
        let (header, rows) = try files.rows(name)
        return rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test(arguments: [(2024, "2025-09-30"), (2025, "2025-09-30"), (2025, "2025-01-01")])
    func newFilesReconcileWithTheAreaFiles(year: Int, asOf: String) throws {
        let files = try ReportFiles(database: database, year: year, asOf: asOf, disclosureControl: false)
        let kreise = try files.kreise()
        let arten = try files.byCategory("massnahmenarten.csv")
        let schwerpunkte = try records(files, "foerderschwerpunkte.csv")
        let projekte = try records(files, "projekte.csv")
        let aenderungen = try records(files, "budgetaenderungen.csv")
        let jahre = try records(files, "haushaltsjahre.csv")
        let codes = Set(schwerpunkte.map { $0["foerderschwerpunkt"] ?? "" })
        #expect(codes == ["Teilzeitausbildung", "Sprachförderung", "ohne Förderschwerpunkt"])
        for (ags, row) in kreise {
            let rows = schwerpunkte.filter { $0["ags"] == ags }
            #expect(rows.count == 3, "\(ags)")
            #expect(rows.map { int($0["projekte"]) }.reduce(0, +) == int(row["projekte"]), "\(ags)")
            #expect(rows.map { int($0["teilnehmende"]) }.reduce(0, +) == int(row["teilnehmende"]), "\(ags)")
            #expect(rows.map { cents($0["bewilligt_eur"]) }.reduce(0, +) == cents(row["bewilligt_eur"]), "\(ags)")
            #expect(rows.map { cents($0["ausgegeben_eur"]) }.reduce(0, +) == cents(row["ausgegeben_eur"]), "\(ags)")
            let spent = jahre.filter { $0["ags"] == ags }.map { cents($0["ausgegeben_eur"]) }.reduce(0, +)
            #expect(spent == cents(row["ausgegeben_eur"]), "\(ags) Haushaltsjahre")
            #expect(cents(row["bewilligt_eur"]) - cents(row["ausgegeben_eur"]) == cents(row["bewilligt_nicht_ausgegeben_eur"]))
            let inclusion = int(row["teilnehmende_mit_behinderung"]) + int(row["teilnehmende_behinderung_unbekannt"])
            #expect(inclusion >= 0 && inclusion <= int(row["teilnehmende"]))
            #expect((0...int(row["teilnehmende"])).contains(int(row["teilnahmen_aktiv_am_stichtag"])))
            guard row["ebene"] == "Kreis" else { continue }
            let own = projekte.filter { $0["ags"] == ags }
            #expect(own.count == int(row["projekte"]), "\(ags)")
            #expect(own.map { cents($0["bewilligt_eur"]) }.reduce(0, +) == cents(row["bewilligt_eur"]), "\(ags)")
            #expect(own.map { cents($0["ausgegeben_eur"]) }.reduce(0, +) == cents(row["ausgegeben_eur"]), "\(ags)")
            #expect(own.map { int($0["teilnehmende"]) }.reduce(0, +) == int(row["teilnehmende"]), "\(ags)")
            #expect(own.compactMap { Int($0["plaetze_geplant"] ?? "") }.reduce(0, +) == int(row["plaetze_geplant"]), "\(ags)")
            #expect(own.filter { $0["plaetze_geplant"] == "" }.count == int(row["projekte_ohne_plan"]), "\(ags)")
            for code in ["AQV", "AUS", "QAF", "WBF"] {
                let ofArt = own.filter { $0["massnahmenart"] == code }
                let art = arten["\(ags)/\(code)"]
                #expect(ofArt.map { int($0["teilnehmende"]) }.reduce(0, +) == int(art?["teilnehmende"]), "\(ags) \(code)")
                #expect(ofArt.compactMap { Int($0["plaetze_geplant"] ?? "") }.reduce(0, +) == int(art?["plaetze_geplant"]))
            }
            let changes = aenderungen.filter { $0["ags"] == ags }.map { cents($0["betrag_eur"]) }.reduce(0, +)
            #expect(changes == cents(row["budget_aenderungen_eur"]), "\(ags) Budgetänderungen")
        }
    }

    /// Disability, unknown and active counts per Kreis against PostgreSQL's own count.
    @Test func inclusionCountsEqualADirectCount() throws {
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", disclosureControl: false)
        let kreise = try files.kreise()
        let direct = try database.rows(
            """
            SELECT p.ags, count(*) FILTER (WHERE t.schwerbehinderung), count(*) FILTER (WHERE t.schwerbehinderung IS NULL),
                   count(*) FILTER (WHERE t.austritt IS NULL OR t.austritt >= date '2025-09-30')
            FROM aqb.projekt p JOIN aqb.teilnahme t ON t.projekt_id = p.id
            WHERE p.jahr = 2025 AND t.eintritt <= date '2025-09-30' GROUP BY p.ags
            """)
        #expect(direct.count == 26)
        for row in direct {
            let file = try #require(kreise[row[0]])
            #expect(file["teilnehmende_mit_behinderung"] == row[1], "\(row[0])")
            #expect(file["teilnehmende_behinderung_unbekannt"] == row[2], "\(row[0])")
            #expect(file["teilnahmen_aktiv_am_stichtag"] == row[3], "\(row[0])")
        }
        // The active count is not monotone: it differs from the cumulative one somewhere.
        #expect(kreise.values.contains { $0["teilnahmen_aktiv_am_stichtag"] != $0["teilnehmende"] })
    }

    /// The Schwalm-Eder-Kreis's three real projects can be found, with their Maßnahmenart.
    @Test func theAgreementsProjectsAreListed() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30")
        let projekte = try records(files, "projekte.csv").filter { $0["ags"] == "06634" }
        let titles = Dictionary(uniqueKeysWithValues: projekte.map { ($0["titel"] ?? "", $0["massnahmenart"] ?? "") })
        #expect(titles["discoverMINT"] == "AQV")
        #expect(titles["Help Point u27 - Jugendförderung Schwalm-Eder"] == "AUS")
        #expect(titles["Arbeitsmarktcoaching Integration"] == "QAF")
    }

    /// Budget changes come with their reasons and only up to the Stichtag.
    @Test func budgetChangesListTheirReasonsUpToTheStichtag() throws {
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let changes = try records(files, "budgetaenderungen.csv")
        // 06699 is an invented area of the findings' sample data (a cut to a negative budget).
        #expect(changes.map { $0["ags"] ?? "" } == ["06414", "06440", "06531", "06699"])
        #expect(changes.first?["grund"] == "Zusätzliche Landesmittel für Sprachförderung")
        #expect(changes.first?["betrag_eur"] == "30000,00")
        #expect(changes.allSatisfy { ($0["wirksam_am"] ?? "") <= "2025-09-30" })
    }
}

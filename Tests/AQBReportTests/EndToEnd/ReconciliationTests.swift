import Foundation
import Testing

@testable import AQBReport

/// On the sample data: every total reconciles with its parts, to the cent, in the files as
/// written (parsed back from CSV, amounts read as integer cents).
@Suite struct ReconciliationTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
    }

    func cents(_ text: String?) -> Int64 {
        guard let text, !text.isEmpty else { return 0 }
        return Cents(numericText: text.replacingOccurrences(of: ",", with: "."))?.value ?? Int64.min
    }

    @Test(arguments: [(2024, "2025-09-30"), (2025, "2025-09-30"), (2024, "2026-12-31"), (2025, "2025-01-01")])
    func totalsEqualTheSumOfTheirParts(year: Int, asOf: String) throws {
        let files = try ReportFiles(database: database, year: year, asOf: asOf, disclosureControl: false)
        let kreise = try files.kreise()
        let arten = try files.byCategory("massnahmenarten.csv")
        let rechtskreise = try files.byCategory("rechtskreise.csv")
        let artCodes = Set(arten.keys.map { String($0.split(separator: "/")[1]) })
        let kreisCodes = Set(rechtskreise.keys.map { String($0.split(separator: "/")[1]) })
        #expect(artCodes.count == 4 && kreisCodes.count == 6)
        for (ags, row) in kreise {
            let spent = cents(row["ausgegeben_eur"])
            #expect(artCodes.map { cents(arten["\(ags)/\($0)"]?["ausgegeben_eur"]) }.reduce(0, +) == spent, "\(ags)")
            #expect(artCodes.map { cents(arten["\(ags)/\($0)"]?["bewilligt_eur"]) }.reduce(0, +) == cents(row["bewilligt_eur"]))
            let total = Int(row["teilnehmende"] ?? "") ?? -1
            let byGender = ["w", "m", "d", "ohne_angabe"].map { Int(row["teilnehmende_\($0)"] ?? "") ?? -1 }.reduce(0, +)
            #expect(byGender == total)
            #expect(artCodes.map { Int(arten["\(ags)/\($0)"]?["teilnehmende"] ?? "") ?? -1 }.reduce(0, +) == total)
            let counted = kreisCodes.subtracting([Suppression.nichtZugeordnet])
            #expect(counted.map { Int(rechtskreise["\(ags)/\($0)"]?["teilnehmende"] ?? "") ?? -1 }.reduce(0, +) == total)
            if row["budget_eur"] != "" {
                #expect(cents(row["budget_vereinbart_eur"]) + cents(row["budget_aenderungen_eur"]) == cents(row["budget_eur"]))
                #expect(cents(row["budget_eur"]) - spent == cents(row["rest_eur"]))
            }
        }
        // Parents are the sums of their children, column by column.
        let amountColumns = [
            "budget_vereinbart_eur", "budget_aenderungen_eur", "budget_eur", "bewilligt_eur", "ausgegeben_eur", "rest_eur",
        ]
        let countColumns = ["projekte", "teilnehmende", "teilnehmende_w", "teilnehmende_m", "teilnehmende_d", "teilnehmende_ohne_angabe"]
        for parent in ["06", "064", "065", "066"] {
            let children = kreise.filter { key, row in
                parent == "06" ? row["ebene"] == "Regierungsbezirk" : (row["ebene"] == "Kreis" && key.hasPrefix(parent))
            }
            #expect(!children.isEmpty)
            for column in amountColumns {
                #expect(children.values.map { cents($0[column]) }.reduce(0, +) == cents(kreise[parent]?[column]), "\(parent) \(column)")
            }
            for column in countColumns {
                #expect(
                    children.values.map { Int($0[column] ?? "") ?? 0 }.reduce(0, +) == Int(kreise[parent]?[column] ?? ""),
                    "\(parent) \(column)")
            }
        }
    }

    @Test func spentMatchesAPlainSumInPostgreSQL() throws {
        let files = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30", format: .rfc4180, disclosureControl: false)
        let result = try database.connection.query(
            "SELECT sum(a.betrag_eur)::text FROM aqb.ausgabe a JOIN aqb.projekt p ON p.id = a.projekt_id WHERE p.jahr = 2024 AND a.buchungstag <= '2025-09-30'"
        )
        let expected = try #require(result.row(0).string(0))
        #expect(try files.kreise()["06"]?["ausgegeben_eur"] == expected)
    }
}

import Foundation
import SwiftCSV
import Testing

@testable import AQBReport

/// Issue 18: the money must not give the counts away. Every published amount is a sum of
/// bookings, approvals or budgets; none may depend on how many people a project counted or on
/// their Rechtskreis, Geschlecht or disability. Shown on the real report, end to end.
@Suite struct MoneyDisclosureTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
    }

    /// Every amount (`*_eur`) of every CSV file of a folder, keyed by file, row key and column.
    static func amounts(_ files: ReportFiles) throws -> [String: String] {
        var result: [String: String] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: files.path).filter { $0.hasSuffix(".csv") && $0 != "werte.csv" }
        #expect(names.contains("rechtskreise.csv") && names.contains("projekte.csv"))
        for name in names {
            let (header, rows) = try files.rows(name)
            for (number, row) in rows.enumerated() {
                for (column, field) in zip(header, row) where column.hasSuffix("_eur") {
                    result["\(name) row \(number) \(column)"] = field
                }
            }
        }
        // werte.csv: one observation per row; its amounts by their dimensions.
        let text = try files.text("werte.csv")
        let csv = try CSV<Enumerated>(string: text, delimiter: .comma, loadColumns: false)
        let (header, rows) = (csv.header, csv.rows)
        let einheit = try #require(header.firstIndex(of: "einheit"))
        let wert = try #require(header.firstIndex(of: "wert"))
        for row in rows where row[einheit] == "EUR" {
            result["werte.csv " + row[..<einheit].joined(separator: "|")] = row[wert]
        }
        return result
    }

    /// A property over random changes of the participants: new Rechtskreise, Geschlechter and
    /// disability flags for every participation, and more participations in projects that have
    /// some. Not one published amount may move. Before issue 18, `ausgaben_anteilig_eur` moved
    /// with every change of the Rechtskreis mix: that is what let a reader recompute a `*`.
    @Test(arguments: [1, 2, 3])
    func noAmountDependsOnTheParticipants(seed: UInt64) throws {
        let before = try Self.amounts(ReportFiles(database: database, year: 2025, asOf: "2025-09-30", disclosureControl: false))
        var random = SplitMix64(seed: seed)
        let codes = try database.rows("SELECT code FROM aqb.rechtskreis ORDER BY code").map { $0[0] }
        let genders = ["w", "m", "d"]
        let ids = try database.rows("SELECT id FROM aqb.teilnahme ORDER BY id").map { $0[0] }
        #expect(ids.count > 100)
        var statements: [String] = []
        for id in ids {
            let code = codes[Int(random.next() % UInt64(codes.count))]
            let gender = genders[Int(random.next() % 3)]
            let disabled = random.next() % 2 == 0 ? "true" : "NULL"
            statements.append(
                "UPDATE aqb.teilnahme SET rechtskreis = '\(code)', geschlecht = '\(gender)', schwerbehinderung = \(disabled) WHERE id = \(id);"
            )
        }
        // Projects that counted someone get more participants (a project without any stays so:
        // that it counted nobody is what the findings publish).
        statements.append(
            """
            INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, geschlecht, eintritt)
            SELECT 900000000 + row_number() OVER (ORDER BY g.projekt_id), g.projekt_id, '\(codes[0])', 'w', g.eintritt
            FROM (SELECT projekt_id, min(eintritt) AS eintritt FROM aqb.teilnahme
                  GROUP BY projekt_id HAVING count(*) % \(2 + seed) = 0) g;
            """)
        try database.load(statements.joined(separator: "\n"))
        let after = try Self.amounts(ReportFiles(database: database, year: 2025, asOf: "2025-09-30", disclosureControl: false))
        #expect(after.count == before.count)
        let moved = before.filter { after[$0.key] != $0.value }
        #expect(moved.isEmpty, "amounts that depend on the participants: \(moved.keys.sorted().prefix(5))")
    }

    /// The first example as a reader would run it: a Kreis's Rechtskreis money from its
    /// Regierungsbezirk's minus the published Kreise, divided by the money per participant of
    /// its only project, gives the suppressed count. With the money per Rechtskreis withdrawn
    /// no published figure carries a count's share of the spending, so nothing is recovered.
    @Test(arguments: [2024, 2025])
    func theRegierungsbezirkDifferenceRecoversNothing(year: Int) throws {
        let files = try ReportFiles(database: database, year: year, asOf: "2025-09-30")
        let (header, rows) = try files.rows("rechtskreise.csv")
        #expect(!header.contains(where: { $0.hasSuffix("_eur") }), "rechtskreise.csv publishes money: \(header)")
        guard let money = header.firstIndex(where: { $0.hasSuffix("_eur") }) else { return }
        // What the attack does where such a column exists (issue 18): per Regierungsbezirk and
        // Rechtskreis, the money of its `*` Kreise is the Bezirk's minus the published Kreise.
        let projects = try files.rows("projekte.csv")
        let column = Dictionary(uniqueKeysWithValues: projects.header.enumerated().map { ($1, $0) })
        func cents(_ text: String) -> Int64? { Cents(numericText: text.replacingOccurrences(of: ",", with: "."))?.value }
        var recovered: [String] = []
        for row in rows where row[0] == "Kreis" && row[4] == Suppression.symbol {
            let ags = row[1]
            let bezirk = String(ags.prefix(3))
            let siblings = rows.filter { $0[0] == "Kreis" && $0[1].hasPrefix(bezirk) && $0[3] == row[3] && $0[1] != ags }
            guard let total = rows.first(where: { $0[1] == bezirk && $0[3] == row[3] }).flatMap({ cents($0[money]) }),
                siblings.allSatisfy({ cents($0[money]) != nil })
            else { continue }
            let own = total - siblings.compactMap { cents($0[money]) }.reduce(0, +)
            let mine = projects.rows.filter { $0[column["ags"] ?? 0] == ags }
            guard mine.count == 1, let spent = cents(mine[0][column["ausgegeben_eur"] ?? 0]),
                let count = Int64(mine[0][column["teilnehmende"] ?? 0]), count > 0, spent > 0, own > 0
            else { continue }
            let each = spent / count
            if own % each == 0 || own % (each + 1) == 0 { recovered.append("\(ags) \(row[3])") }
        }
        #expect(recovered.isEmpty)
    }
}

import Foundation
import Testing

@testable import AQBReport

/// `werte.csv` loaded by psql's `\copy … (format csv, header true)` into the table the README
/// shows, then compared cell by cell with the wide CSV files of the same run.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct LongCSVTests {
    /// The README's `CREATE TABLE werte`, so the documented table is the tested one.
    static func createTable() throws -> String {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "CREATE TABLE werte ("))
        let end = try #require(readme.range(of: ");", range: start.upperBound..<readme.endIndex))
        return String(readme[start.lowerBound..<end.upperBound])
    }

    /// Loads a folder's `werte.csv` into a fresh table of `database` with psql.
    static func load(_ folder: String, into database: TestDatabase) throws {
        let outcome = try ToolRunner.run(
            "psql",
            [
                "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database.name, "-c", try createTable(),
                "-c", "\\copy werte FROM '\(folder)/werte.csv' (format csv, header true)",
            ])
        #expect(outcome.status == 0, "psql: \(outcome.stderr)")
    }

    /// `(ags/merkmal/auspraegung/kennzahl) → (wert as psql prints it, status)`.
    static func loaded(_ database: TestDatabase) throws -> [String: (wert: String?, status: String)] {
        let result = try database.connection.query(
            "SELECT ags || '/' || merkmal || '/' || auspraegung || '/' || kennzahl, wert::text, status FROM werte")
        var values: [String: (wert: String?, status: String)] = [:]
        for index in 0..<result.rowCount {
            let row = result.row(index)
            values[row.string(0) ?? ""] = (row.string(1), row.string(2) ?? "")
        }
        return values
    }

    /// What a wide CSV cell must have become: its number, or NULL with the status that says why.
    static func expectMatch(_ cell: String, _ loaded: (wert: String?, status: String)?, _ key: String, budgetMissing: Bool) {
        guard let loaded else {
            Issue.record("\(key): missing in werte.csv")
            return
        }
        switch cell {
        case "*": #expect(loaded.wert == nil && loaded.status == "C", "\(key)")
        case "": #expect(loaded.wert == nil && loaded.status == (budgetMissing ? "M" : "Z"), "\(key)")
        default: #expect(loaded.wert == cell && loaded.status == "A", "\(key): \(cell) in the wide file")
        }
    }

    @Test(arguments: [true, false])
    func loadsWithPsqlAndMatchesEveryWideCell(disclosureControl: Bool) throws {
        let database = try TestDatabase()
        try database.loadSample()
        // A name with what breaks naive CSV: separator, quotes, a line break, blanks at the end.
        try database.load(#"UPDATE aqb.gebietskoerperschaft SET name = E'=1+1, \"Kreis\"\nzweite Zeile ' WHERE ags = '06437'"#)
        let files = try ReportFiles(
            database: database, year: 2024, asOf: "2025-09-30", format: .rfc4180, disclosureControl: disclosureControl)
        try Self.load(files.path, into: database)
        let loaded = try Self.loaded(database)
        var compared = 0

        let kreise = try files.rows("kreise.csv")
        let budgetMissing = Dictionary(uniqueKeysWithValues: kreise.rows.map { ($0[1], $0[3].isEmpty) })
        for row in kreise.rows {
            // `art` (Landkreis, kreisfreie Stadt) describes the area; it is no Kennzahl.
            for (column, cell) in zip(kreise.header, row).dropFirst(3) where column != "art" {
                let behinderung = ["teilnehmende_mit_behinderung": "ja", "teilnehmende_behinderung_unbekannt": "unbekannt"]
                let key =
                    if let auspraegung = behinderung[column] {
                        "\(row[1])/behinderung/\(auspraegung)/teilnehmende"
                    } else if column.hasPrefix("teilnehmende_") {
                        "\(row[1])/geschlecht/\(column.dropFirst("teilnehmende_".count))/teilnehmende"
                    } else {
                        "\(row[1])/insgesamt/insgesamt/\(column)"
                    }
                Self.expectMatch(cell, loaded[key], key, budgetMissing: budgetMissing[row[1]] ?? true)
                compared += 1
            }
        }
        for (file, merkmal) in [
            ("massnahmenarten.csv", "massnahmenart"), ("rechtskreise.csv", "rechtskreis"),
            ("foerderschwerpunkte.csv", "foerderschwerpunkt"),
            ("haushaltsjahre.csv", "haushaltsjahr"),
        ] {
            let wide = try files.rows(file)
            for row in wide.rows {
                for (column, cell) in zip(wide.header, row).dropFirst(4) {
                    let key = "\(row[1])/\(merkmal)/\(row[3])/\(column)"
                    if row[3] == Suppression.nichtZugeordnet, column == "teilnehmende" {
                        #expect(loaded[key] == nil, "\(key): no count for spending without participants")
                        continue
                    }
                    Self.expectMatch(cell, loaded[key], key, budgetMissing: false)
                    compared += 1
                }
            }
        }
        let names = try database.connection.query("SELECT DISTINCT name FROM werte WHERE ags = '06437'")
        // Loaded unchanged but for the apostrophe that keeps a spreadsheet from taking it as a formula.
        #expect(names.rowCount == 1 && names.row(0).string(0) == "'=1+1, \"Kreis\"\nzweite Zeile ")
        // Every loaded row stood for exactly one wide cell.
        #expect(compared == loaded.count)
        let confidential = loaded.values.filter { $0.status == "C" }.count
        #expect(disclosureControl ? confidential > 0 : confidential == 0)
    }

    /// The sums a BI tool would compute from the long table give the wide file's totals.
    @Test func sumsOverCategoriesGiveTheAreaTotals() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", format: .rfc4180)
        try Self.load(files.path, into: database)
        let kreise = try files.kreise()
        let result = try database.connection.query(
            """
            SELECT ags, sum(wert) FILTER (WHERE merkmal = 'massnahmenart' AND kennzahl = 'ausgegeben_eur')::text,
                   count(*) FILTER (WHERE merkmal = 'rechtskreis' AND einheit = 'EUR')
            FROM werte GROUP BY ags
            """)
        #expect(result.rowCount == kreise.count)
        for index in 0..<result.rowCount {
            let row = result.row(index)
            let ags = try #require(row.string(0))
            let ausgegeben = try #require(kreise[ags]?["ausgegeben_eur"])
            #expect(row.string(1) == ausgegeben, "\(ags): Maßnahmenarten")
            // No money per Rechtskreis (issue 18): it gave suppressed counts away.
            #expect(row.string(2) == "0", "\(ags): Rechtskreise")
        }
    }

    /// The machine file does not depend on the CSV dialect chosen for the wide files.
    @Test func sameBytesWhateverTheCSVFormat() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let de = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30", format: .de)
        let rfc = try ReportFiles(database: database, year: 2024, asOf: "2025-09-30", format: .rfc4180)
        let bytes = try de.folder.bytes(String(de.path.dropFirst(de.folder.path.count + 1)) + "/werte.csv")
        #expect(bytes == (try rfc.folder.bytes(String(rfc.path.dropFirst(rfc.folder.path.count + 1)) + "/werte.csv")))
        #expect(bytes.first == UInt8(ascii: "a"))
    }
}

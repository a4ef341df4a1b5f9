import Foundation
import Testing

@testable import AQBReport

/// "Veränderungen seit dem Bericht vom …": two runs of one AQB year at two Stichtage into one
/// output base; the second lists what moved, from published values only.
@Suite struct BerichtsVeraenderungenTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
        try database.load(String(contentsOfFile: Repository.fixtures + "/vorjahr.sql", encoding: .utf8))
    }

    static let header = ["Gebiet", "AGS", "Bewilligt", "Veränderung", "Ausgegeben", "Veränderung", "Teilnehmende", "Veränderung"]

    static func euroChange(_ new: String?, _ old: String?) -> String {
        guard let new = VorjahrVergleichTests.cents(new), let old = VorjahrVergleichTests.cents(old) else { return "?" }
        let change = new - old
        return (change > .zero ? "+" : "") + NumberFormat.euro(change)
    }

    @Test func theSecondReportListsWhatMovedAndStarsWhereEitherSideIsSuppressed() throws {
        let out = try TemporaryFolder()
        let first = try ReportFiles(database: database, year: 2025, asOf: "2025-06-30", folder: out)
        #expect(!(try first.text("bericht.md").contains("## Veränderungen seit")))
        let second = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", folder: out)
        let markdown = try second.text("bericht.md")
        #expect(markdown.contains("## Veränderungen seit dem Bericht vom 30.06.2025"))
        let table = try #require(Cmark.tables(try Cmark.html(markdown)).first { $0.header == Self.header })

        let before = try first.kreise()
        let now = try second.kreise()
        var expected = Set<String>()
        for (ags, row) in now {
            let old = try #require(before[ags])
            let (n, o) = (row["teilnehmende"] ?? "", old["teilnehmende"] ?? "")
            let countMoved = n != "*" && o != "*" ? n != o : (n == "*") != (o == "*")
            if row["bewilligt_eur"] != old["bewilligt_eur"] || row["ausgegeben_eur"] != old["ausgegeben_eur"] || countMoved {
                expected.insert(ags)
            }
        }
        #expect(Set(table.rows.map { $0[1] }) == expected)
        #expect(expected.contains("06639") && expected.contains("06412"))
        for row in table.rows {
            let ags = row[1]
            let (n, o) = (try #require(now[ags]), try #require(before[ags]))
            #expect(Cmark.text(row[3]) == Self.euroChange(n["bewilligt_eur"], o["bewilligt_eur"]), "\(ags)")
            #expect(Cmark.text(row[5]) == Self.euroChange(n["ausgegeben_eur"], o["ausgegeben_eur"]), "\(ags)")
            let (new, old) = (n["teilnehmende"] ?? "", o["teilnehmende"] ?? "")
            if new == "*" || old == "*" {
                #expect(row[7] == "*", "\(ags): a difference would reveal a suppressed count")
            } else {
                let change = (Int(new) ?? 0) - (Int(old) ?? 0)
                #expect(row[7] == (change > 0 ? "+" : "") + NumberFormat.count(change), "\(ags)")
            }
            #expect(Cmark.text(row[6]).replacingOccurrences(of: ".", with: "") == new, "\(ags)")
        }
        // The small Kreis: its spending moved, its counts are `*` on both days.
        let klein = try #require(table.rows.first { $0[1] == "06639" })
        #expect(Cmark.text(klein[5]) == "+500,05\u{00A0}€" && klein[6] == "*" && klein[7] == "*")
    }

    @Test func aReportWithNothingMovedSaysSo() throws {
        let out = try TemporaryFolder()
        let first = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", folder: out)
        // The same published values under an earlier day, as a reader could have had them.
        try FileManager.default.copyItem(atPath: first.path, toPath: out.path + "/2025/2025-09-29")
        let second = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", folder: out)
        let markdown = try second.text("bericht.md")
        #expect(markdown.contains("## Veränderungen seit dem Bericht vom 29.09.2025"))
        #expect(markdown.contains("Keine Veränderungen."))
    }
}

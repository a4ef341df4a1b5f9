import Testing

@testable import AQBReport

@Suite struct MarkdownTableTests {
    @Test func escapedCellsRenderAsTheirText() throws {
        let nasty = [
            "Jugendwerkstatt | Holz & Metall *Nord* [Stufe_2]", "*", "<script>alert(1)</script>", "`code`", "~~x~~",
            "a\\b", "# Titel", "line\nbreak", "&amp;", "[link](http://example.org)", "![img](x.png)",
        ]
        var table = MarkdownTable(header: ["Name", "Wert"], alignments: [.left, .right])
        for text in nasty { table.append([text, "1"]) }
        let html = try Cmark.html(table.text)
        let tables = Cmark.tables(html)
        try #require(tables.count == 1)
        #expect(tables[0].header == ["Name", "Wert"])
        #expect(tables[0].rows.count == nasty.count)
        for (row, text) in zip(tables[0].rows, nasty) {
            #expect(row.count == 2)
            #expect(Cmark.text(row[0]) == text.replacingOccurrences(of: "\n", with: " "))
        }
        #expect(!html.contains("<em>"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<a "))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<del>"))
    }

    @Test func rightAlignsNumberColumns() throws {
        var table = MarkdownTable(header: ["Gebiet", "Betrag"], alignments: [.left, .right])
        table.append(["Hessen", "1.234,56\u{00A0}€"])
        let html = try Cmark.html(table.text)
        #expect(html.contains("<td align=\"right\">1.234,56\u{00A0}€</td>"))
        #expect(html.contains("<td align=\"left\">Hessen</td>"))
    }

    @Test func emphasizedRowKeepsEscaping() throws {
        var table = MarkdownTable(header: ["Gebiet"], alignments: [.left])
        table.appendEmphasized(["A*B"])
        let html = try Cmark.html(table.text)
        #expect(html.contains("<strong>A*B</strong>"))
    }

    /// Found by `scripts/fuzz markdown`: a combining mark after `|` makes one character of both,
    /// and the pipe must still be escaped, or it splits the cell.
    @Test func aPipeFollowedByACombiningMarkIsEscaped() throws {
        var table = MarkdownTable(header: ["Name", "Wert"], alignments: [.left, .right])
        table.append(["Holz |\u{301} Metall", "1"])
        let tables = Cmark.tables(try Cmark.html(table.text))
        try #require(tables.count == 1)
        #expect(tables[0].rows.map(\.count) == [2], "\(table.text)")
        #expect(MarkdownTable.escape("a\r\nb") == "a b")
    }
}

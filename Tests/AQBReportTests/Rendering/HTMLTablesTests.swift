import Testing

@testable import AQBReport

/// The marks `HTMLTables.marked` gives the tables cmark renders: sum rows, and the class that
/// indents the Kreise of a table of areas under their Regierungsbezirk.
@Suite struct HTMLTablesTests {
    /// A table as cmark renders it from the report's Markdown: header row in `<thead>`, the sum
    /// in bold.
    static func table(firstHeader: String) -> String {
        """
        <table>
        <thead>
        <tr>
        <th>\(firstHeader)</th>
        <th align="right">Teilnehmende</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td><strong>Hessen</strong></td>
        <td align="right"><strong>10</strong></td>
        </tr>
        <tr>
        <td>Kassel</td>
        <td align="right">4</td>
        </tr>
        </tbody>
        </table>
        """
    }

    @Test func aTableOfAreasIndentsItsKreise() {
        let marked = HTMLTables.marked(Self.table(firstHeader: "Gebiet"))
        #expect(marked.contains("<table class=\"gebiete\">"))
        #expect(marked.contains("<tr class=\"summe\">"))
    }

    @Test func aTableWithASumRowThatIsNoTableOfAreasIsNotIndented() {
        let marked = HTMLTables.marked(Self.table(firstHeader: "Rechtskreis"))
        #expect(!marked.contains("gebiete"))
        #expect(marked.contains("<tr class=\"summe\">"))
    }
}

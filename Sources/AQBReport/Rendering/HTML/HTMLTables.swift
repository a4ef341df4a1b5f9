import Foundation

/// Marks what the stylesheet needs in cmark-gfm's tables and Markdown cannot say.
///
/// - Rows whose first cell is bold (Land, Regierungsbezirke, sums) get `class="summe"`, tables of
///   areas holding such rows `class="gebiete"` (their Kreise are indented).
/// - Every table gets a scrolling wrapper, and a print width (`PrintWidth`): a table too wide for
///   an A4 portrait page is printed on a landscape page of its own, a table too wide even for
///   that in a smaller type. Printing to A4 used to cut off the right-hand columns (the change in
///   spending of the previous-year table, "Teilnahmen kumuliert", both "ohne" columns of the
///   Förderschwerpunkte): a browser does not wrap a table across pages sideways.
///
/// Safe to search the rendered HTML for tags: cmark escapes every `<` of the text, so a tag in
/// the output can only come from the Markdown's own structure.
enum HTMLTables {
    /// How a table prints, chosen from its number of columns and the length of its widest cells.
    enum PrintWidth: String {
        /// Fits the portrait page.
        case hoch
        /// Needs a landscape page.
        case quer
        /// Needs a landscape page and smaller type.
        case querEng = "quer eng"

        /// Characters of 7,2 pt type that fit across the printable width of an A4 page (about
        /// 188 mm portrait, 275 mm landscape, with the stylesheet's margins), less a margin for
        /// the cell padding; measured on the demo's PDF, see `PrintTests`.
        static let portraitCharacters = 145
        static let landscapeCharacters = 210

        /// `columns`: per column, the length of its longest cell in characters (header words
        /// may wrap, so a header counts with its longest word).
        init(columnWidths columns: [Int]) {
            // Each cell's padding and border is worth about two characters.
            let width = columns.reduce(0) { $0 + $1 + 2 }
            if width <= PrintWidth.portraitCharacters {
                self = .hoch
            } else if width <= PrintWidth.landscapeCharacters {
                self = .quer
            } else {
                self = .querEng
            }
        }
    }

    static func marked(_ html: String) -> String {
        let tables = html.split(separator: "<table>", omittingEmptySubsequences: false).map(String.init)
        var result = tables[0]
        for chunk in tables.dropFirst() {
            var rows = chunk
            for cell in ["<td><strong>", "<td align=\"left\"><strong>"] {
                rows = rows.replacingOccurrences(of: "<tr>\n" + cell, with: "<tr class=\"summe\">\n" + cell)
            }
            // A table of areas starts with the column "Gebiet"; a sum row elsewhere (a Rechtskreis
            // table's "Summe") is tinted, but its other rows are not Kreise to indent.
            let isAreaTable = rows.contains("<tr class=\"summe\">") && firstHeader(rows) == "Gebiet"
            let table = rows.components(separatedBy: "</table>").first ?? rows
            let width = PrintWidth(columnWidths: columnWidths(table))
            result += "<div class=\"tabelle \(width.rawValue)\">\n" + (isAreaTable ? "<table class=\"gebiete\">" : "<table>")
            result += rows.replacingOccurrences(of: "</table>", with: "</table>\n</div>")
        }
        return result
    }

    /// Per column of a rendered table, the length of its longest cell's text, as printed: the
    /// stylesheet keeps numbers (right-aligned cells) on one line, lets headers wrap between words
    /// (counted by their longest word) and text cells wrap anywhere (counted up to
    /// `wrappedText` characters).
    static let wrappedText = 30

    static func columnWidths(_ table: String) -> [Int] {
        var widths: [Int] = []
        for row in table.components(separatedBy: "<tr").dropFirst() {
            let cells = row.components(separatedBy: "<t").dropFirst().filter(isCell)
            for (column, cell) in cells.enumerated() {
                let isHeader = cell.hasPrefix("h")
                let text = visibleText(cell)
                let length =
                    isHeader
                    ? text.split(separator: " ").map(\.count).max() ?? 0
                    : cell.hasPrefix("d align=\"right\"") ? text.count : min(text.count, wrappedText)
                if widths.count <= column { widths.append(0) }
                widths[column] = max(widths[column], length)
            }
        }
        return widths
    }

    /// The text of a table's first header cell.
    private static func firstHeader(_ table: String) -> String? {
        table.components(separatedBy: "<th").dropFirst().first.map(visibleText)
    }

    /// `<td>`, `<td align=…>`, `<th…>`, not `<thead>` or `<tbody>`: the part after `<t`.
    private static func isCell(_ part: String) -> Bool {
        let characters = Array(part.prefix(2))
        return characters.count == 2 && (characters[0] == "d" || characters[0] == "h") && (characters[1] == ">" || characters[1] == " ")
    }

    /// The text of one cell's HTML (from after `<td` or `<th` to the next cell): tags dropped,
    /// each entity counted as one character.
    private static func visibleText(_ cell: String) -> String {
        var text = ""
        var inTag = true  // the rest of the opening tag comes first
        var inEntity = false
        for character in cell {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
            } else if inEntity {
                if character == ";" { inEntity = false }
            } else {
                if character == "&" { inEntity = true }
                text.append(character)
            }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

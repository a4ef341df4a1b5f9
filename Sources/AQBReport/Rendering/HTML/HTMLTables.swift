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

    /// Each table of `html` marked. On the page's bytes throughout (issue 19: a county sheet
    /// with thousands of findings made a new string of its whole table for every step); each step
    /// cuts and replaces where `HTMLBytes` does on the string, so the bytes are the same.
    static func marked(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let tables = HTMLBytes.pieces(of: bytes, separator: "<table>", in: 0..<bytes.count)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + tables.count * 64)
        result += bytes[tables[0]]
        for chunk in tables.dropFirst() {
            var rows = Array(bytes[chunk])
            for cell in ["<td><strong>", "<td align=\"left\"><strong>"] {
                rows = HTMLBytes.replacing(rows, "<tr>\n" + cell, with: "<tr class=\"summe\">\n" + cell)
            }
            let all = 0..<rows.count
            // A table of areas starts with the column "Gebiet"; a sum row elsewhere (a Rechtskreis
            // table's "Summe") is tinted, but its other rows are not Kreise to indent.
            let isAreaTable =
                HTMLBytes.firstOccurrence(of: "<tr class=\"summe\">", in: rows, range: all) != nil && firstHeader(rows) == "Gebiet"
            let tableEnd = HTMLBytes.firstOccurrence(of: "</table>", in: rows, range: all) ?? rows.count
            let width = PrintWidth(columnWidths: columnWidths(rows, 0..<tableEnd))
            result += "<div class=\"tabelle \(width.rawValue)\">\n".utf8
            result += (isAreaTable ? "<table class=\"gebiete\">" : "<table>").utf8
            result += HTMLBytes.replacing(rows, "</table>", with: "</table>\n</div>")
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Per column of a rendered table, the length of its longest cell's text, as printed: the
    /// stylesheet keeps numbers (right-aligned cells) on one line, lets headers wrap between words
    /// (counted by their longest word) and text cells wrap anywhere (counted up to
    /// `wrappedText` characters).
    static let wrappedText = 30

    static func columnWidths(_ table: String) -> [Int] {
        let bytes = Array(table.utf8)
        return columnWidths(bytes, 0..<bytes.count)
    }

    /// `columnWidths(_:)` of the table in `range` of `bytes`.
    static func columnWidths(_ bytes: [UInt8], _ range: Range<Int>) -> [Int] {
        // By bytes (issue 19: a sheet with thousands of findings spent most of its time here);
        // each cell is judged exactly as `cellText(_:)` judges its string.
        var widths: [Int] = []
        for row in HTMLBytes.pieces(of: bytes, separator: "<tr", in: range).dropFirst() {
            var column = 0
            for part in HTMLBytes.pieces(of: bytes, separator: "<t", in: row).dropFirst() {
                guard let cell = measuredCell(bytes, part) else { continue }
                let length: Int
                if let ascii = cell.ascii {
                    length =
                        cell.isHeader ? ASCIIWidth.longestWord(ascii) : cell.isRightAligned ? ascii.count : min(ascii.count, wrappedText)
                } else {
                    length =
                        cell.isHeader
                        ? cell.text.split(separator: " ").map(\.count).max() ?? 0
                        : cell.isRightAligned ? cell.text.count : min(cell.text.count, wrappedText)
                }
                if widths.count <= column { widths.append(0) }
                widths[column] = max(widths[column], length)
                column += 1
            }
        }
        return widths
    }

    /// A cell's kind and visible text, or `nil` for a part that is no cell (`isCell`).
    static func cellText(_ cell: String) -> (isHeader: Bool, isRightAligned: Bool, text: String)? {
        guard isCell(cell) else { return nil }
        return (cell.hasPrefix("h"), cell.hasPrefix(rightAligned), visibleText(cell))
    }

    private static let rightAligned = "d align=\"right\""

    /// `cellText(_:)` of the bytes `range`, computed on the bytes where every byte the judgement
    /// looks at is a character of its own: `<`, `>`, `&` and `;` with no neighbour joining them
    /// (`isCharacterOfItsOwn`), the first two and the one after `d align="right"` ASCII;
    /// otherwise on the string, character by character, as before.
    static func cellText(_ bytes: [UInt8], _ range: Range<Int>) -> (isHeader: Bool, isRightAligned: Bool, text: String)? {
        guard let cell = measuredCell(bytes, range) else { return nil }
        return (cell.isHeader, cell.isRightAligned, cell.ascii.map { String(decoding: $0, as: UTF8.self) } ?? cell.text)
    }

    /// A cell as `columnWidths` measures it: `ascii` is its visible text, trimmed, when that is
    /// ASCII without a carriage return, where each byte is one character (only CR LF makes one
    /// character of two ASCII scalars), so the text is measured without making a string of it;
    /// otherwise `text` is the text as `cellText` gives it.
    struct MeasuredCell {
        let isHeader: Bool
        let isRightAligned: Bool
        let ascii: ArraySlice<UInt8>?
        let text: String
    }

    static func measuredCell(_ bytes: [UInt8], _ range: Range<Int>) -> MeasuredCell? {
        let lower = range.lowerBound
        let upper = range.upperBound
        func isASCII(_ index: Int) -> Bool { index < lower || index >= upper || bytes[index] < 0x80 }
        var standalone = isASCII(lower + 1) && isASCII(lower + 2) && isASCII(lower + rightAligned.utf8.count)
        if standalone {
            for index in range
            where bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "&")
                || bytes[index] == UInt8(ascii: ";")
            {
                if !isCharacterOfItsOwn(bytes, index, in: range) {
                    standalone = false
                    break
                }
            }
        }
        guard standalone else {
            return cellText(String(decoding: bytes[range], as: UTF8.self)).map {
                MeasuredCell(isHeader: $0.isHeader, isRightAligned: $0.isRightAligned, ascii: nil, text: $0.text)
            }
        }
        guard upper - lower >= 2 else { return nil }
        let first = bytes[lower]
        let second = bytes[lower + 1]
        guard first == UInt8(ascii: "d") || first == UInt8(ascii: "h"), second == UInt8(ascii: ">") || second == UInt8(ascii: " ") else {
            return nil
        }
        let isRightAligned = bytes[range].starts(with: rightAligned.utf8)
        var text: [UInt8] = []
        var inTag = true  // the rest of the opening tag comes first
        var inEntity = false
        for byte in bytes[range] {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
            } else if inEntity {
                if byte == UInt8(ascii: ";") { inEntity = false }
            } else {
                if byte == UInt8(ascii: "&") { inEntity = true }
                text.append(byte)
            }
        }
        let isHeader = first == UInt8(ascii: "h")
        if text.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return MeasuredCell(isHeader: isHeader, isRightAligned: isRightAligned, ascii: ASCIIWidth.trimmed(text[...]), text: "")
        }
        return MeasuredCell(
            isHeader: isHeader, isRightAligned: isRightAligned, ascii: nil, text: trimmed(String(decoding: text, as: UTF8.self)))
    }

    /// Whether the ASCII byte at `index` is a character of its own in the cell `range`: no
    /// neighbour joins it. Whether two scalars form one character depends, for an ASCII
    /// punctuation mark, only on the two of them (a Prepend before it, an Extend, ZWJ or
    /// SpacingMark after it: Unicode's grapheme rules GB9, GB9a, GB9b), so a window of the two
    /// decides as the whole cell would. Most cells of German text have an umlaut next to a tag
    /// (`<td>Über`), which the byte path used to leave to the slow path.
    private static func isCharacterOfItsOwn(_ bytes: [UInt8], _ index: Int, in range: Range<Int>) -> Bool {
        if index - 1 >= range.lowerBound, bytes[index - 1] >= 0x80 {
            var start = index - 1
            while start > range.lowerBound, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard bytes[start] & 0xC0 != 0x80, String(decoding: bytes[start...index], as: UTF8.self).count == 2 else { return false }
        }
        if index + 1 < range.upperBound, bytes[index + 1] >= 0x80 {
            let lead = bytes[index + 1]
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            guard length > 0, index + 1 + length <= range.upperBound else { return false }
            guard String(decoding: bytes[index..<index + 1 + length], as: UTF8.self).count == 2 else { return false }
        }
        return true
    }

    /// The text of a table's first header cell.
    /// The text of the first header cell: the first piece after `<th` that is a cell, not the
    /// rest of `<thead>` (which comes first, so taking the first piece never found "Gebiet" and
    /// no table of areas indented its Kreise).
    private static func firstHeader(_ table: [UInt8]) -> String? {
        HTMLBytes.pieces(of: table, separator: "<th", in: 0..<table.count).dropFirst()
            .first { $0.first.map { table[$0] == UInt8(ascii: ">") || table[$0] == UInt8(ascii: " ") } ?? false }
            .map { visibleText(String(decoding: table[$0], as: UTF8.self)) }
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
        return trimmed(text)
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)` without bridging every cell to
    /// UTF-16 and back (a fifth of the time of a page with 100,000 findings): Foundation's own set,
    /// asked only about the scalars at both ends.
    static func trimmed(_ text: String) -> String {
        let spaces = CharacterSet.whitespacesAndNewlines
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { spaces.contains(scalar) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(Substring(scalars[first...last]))
    }
}

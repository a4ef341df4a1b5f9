import Foundation
import Testing

/// A spreadsheet as LibreOffice Calc made it of a file: sheets of rows of cells, as
/// `Fixtures/tools/fods_cells.py` prints them.
struct Spreadsheet: Decodable {
    struct Cell: Decodable {
        /// ODF's `office:value-type`: `string`, `float`, `percentage`, `currency`, `date`, …;
        /// empty for an empty cell.
        var t: String
        /// The value for numbers and dates, as ODF stores it (`-123.45`, `0.706`, `2025-09-30`).
        var v: String
        /// `table:formula`, when Calc took the cell for a formula.
        var f: String?
        /// The text the cell shows; a line break is `\n`.
        var text: String
        /// Hyperlinks in the cell's text.
        var links: Int

        var isEmpty: Bool { t.isEmpty && text.isEmpty && f == nil }
        var isNumber: Bool { ["float", "percentage", "currency"].contains(t) }
    }

    struct Sheet: Decodable {
        var name: String
        var rows: [[Cell]]

        /// The cell at `row`, `column`, or an empty one beyond the stored cells.
        func cell(_ row: Int, _ column: Int) -> Cell {
            guard row < rows.count, column < rows[row].count else { return Cell(t: "", v: "", f: nil, text: "", links: 0) }
            return rows[row][column]
        }
    }

    var sheets: [Sheet]

    var cells: [Cell] { sheets.flatMap { $0.rows.flatMap { $0 } } }

    func sheet(_ name: String) throws -> Sheet { try #require(sheets.first { $0.name == name }) }

    /// Calc shows a carriage return in a cell as a line break, and so does a CR LF pair.
    static func lineBreaksUnified(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Text as an xlsx stores it (OOXML's ST_Xstring) decoded: `_xHHHH_` is the character
    /// U+HHHH. libxlsxwriter writes a carriage return as `_x000D_`; `xlsx_cells.py` leaves such
    /// escapes as they are, Excel and Calc decode them.
    static func ooxmlDecoded(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            let hex = rest[start.upperBound...].prefix(4)
            let end = rest[start.upperBound...].dropFirst(4).first
            guard hex.count == 4, end == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                result += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            result += rest[..<start.lowerBound] + String(Character(scalar))
            rest = rest[start.upperBound...].dropFirst(5)
        }
        return result + rest
    }
}

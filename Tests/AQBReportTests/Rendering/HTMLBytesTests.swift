import Foundation
import Testing

@testable import AQBReport

/// The byte-level helpers that replaced Foundation in the HTML post-processing (issue 19) give
/// exactly Foundation's results, on rendered tables and on hostile text.
@Suite struct HTMLBytesTests {
    static let texts: [String] =
        HostileText.texts + [
            "", "<t", "<t<t", "a<tb<t", "<table><tr>\n<td><strong>Hessen</strong></td>\n</tr></table>",
            "Gro\u{DF}-Gerau <tr> \u{E9}\u{301} <t\u{301}d> \u{1F469}\u{200D}\u{1F467} <th>x</th>", "<tr<tr<tr", "x</table>y</table>",
        ]

    @Test(arguments: HTMLBytesTests.texts)
    func splitsAsFoundationDoes(text: String) {
        for separator in ["<table>", "<tr", "<t", "<th", "</table>", "<h2>"] {
            #expect(HTMLBytes.split(text, separator: separator) == text.components(separatedBy: separator))
            #expect(HTMLBytes.contains(text, separator) == text.contains(separator))
        }
    }

    @Test(arguments: HTMLBytesTests.texts)
    func replacesAsFoundationDoes(text: String) {
        for (target, replacement) in [("</table>", "</table>\n</div>"), ("<tr>\n<td>", "<tr class=\"summe\">\n<td>"), ("<t", "")] {
            #expect(HTMLBytes.replacing(text, target, with: replacement) == text.replacingOccurrences(of: target, with: replacement))
        }
    }

    /// A cell judged by its bytes is judged as by its characters, also where a combining mark
    /// or a non-ASCII neighbour makes one character of a `>`, `<`, `&` or `;` and something else.
    @Test(
        arguments: HTMLBytesTests.texts + [
            "\u{301}Titel", "x\u{301}", "&amp;\u{301}", "\u{600}x", "Träger &amp; Co.; 1.234,56 €", "Über ä", "x\u{600}&amp;", "ÿ\u{301};",
            "\u{600}", "ä\u{200D}&lt;",
        ])
    func judgesACellByItsBytesAsByItsCharacters(text: String) {
        let cells = [
            "d>" + text + "</td>\n", "h>" + text + "</th>\n", "d align=\"right\">" + text + "</td>\n",
            "d align=\"left\"><strong>" + text + "</strong></td>\n", text, "d>\u{301}" + text, "d" + text, "head>\n",
            "h" + text, "d align=\"right\"\u{301}>" + text,
        ]
        for cell in cells {
            let bytes = Array(cell.utf8)
            let byBytes = HTMLTables.cellText(bytes, 0..<bytes.count)
            let byCharacters = HTMLTables.cellText(cell)
            #expect(byBytes?.isHeader == byCharacters?.isHeader, "\(cell)")
            #expect(byBytes?.isRightAligned == byCharacters?.isRightAligned, "\(cell)")
            #expect(byBytes?.text == byCharacters?.text, "\(cell)")
        }
    }

    @Test(arguments: [
        "", " ", "  a  ", "\t\n\r\u{0B}\u{0C}x\u{85}", "\u{A0}1.234\u{A0}", "\u{202F}x\u{2007}", "\u{3000}Kassel\u{2028}", "\u{2029}",
        " \u{301}x ", "x \u{301}", "Ge\u{301}biet", "\u{200B}x\u{200B}", "\u{FEFF}x",
    ])
    func trimsAsFoundationDoes(text: String) {
        #expect(HTMLTables.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

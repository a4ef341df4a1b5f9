/// A GitHub-flavoured Markdown table whose cells cannot break it.
///
/// Every cell is escaped (`MarkdownTable.escape`): a `|` in a name would otherwise end the cell,
/// a `*` would start emphasis and a suppressed count would vanish into italics. Text from the
/// database is untrusted; escaping every cell keeps it inert.
public struct MarkdownTable {
    public enum Alignment { case left, right }

    private let alignments: [Alignment]
    private var lines: [String]

    /// Header cells are escaped like any other; `alignments` has one entry per column.
    public init(header: [String], alignments: [Alignment]) {
        self.alignments = alignments
        lines = [MarkdownTable.line(header.map(MarkdownTable.escape))]
        lines.append(MarkdownTable.line(alignments.map { $0 == .right ? "---:" : ":---" }))
    }

    /// Appends a row of plain text cells.
    public mutating func append(_ cells: [String]) {
        lines.append(MarkdownTable.line(cells.map(MarkdownTable.escape)))
    }

    /// Appends a row whose first cell is set in bold (Land and Regierungsbezirk rows).
    public mutating func appendEmphasized(_ cells: [String]) {
        var escaped = cells.map(MarkdownTable.escape)
        if let first = escaped.first, !first.isEmpty { escaped[0] = "**\(first)**" }
        lines.append(MarkdownTable.line(escaped))
    }

    public var text: String { lines.joined(separator: "\n") + "\n" }

    /// The bytes `escape` changes: the punctuation it escapes and the line breaks and tab it turns
    /// into blanks.
    private static let escapedBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "\\|*_`[]<>~&#!$\n\r\t".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// Backslash-escapes every ASCII punctuation character that Markdown or a table gives meaning
    /// to, and turns line breaks into spaces (a table row is one line).
    ///
    /// Works on Unicode scalars, not characters: a combining mark after `|` makes one character
    /// of both, which a character-level match missed, and the unescaped `|` then split the cell
    /// (cmark-gfm reads bytes). Found by `scripts/fuzz markdown`.
    public static func escape(_ text: String) -> String {
        // A cell with none of these characters is its own escape: returned as it is, without
        // copying it scalar by scalar (issue 19: county sheets with thousands of findings). All of
        // them are ASCII, so their bytes find them.
        guard text.utf8.contains(where: { MarkdownTable.escapedBytes[Int($0)] }) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\", "|", "*", "_", "`", "[", "]", "<", ">", "~", "&", "#", "!", "$":
                result.append("\\")
                result.append(scalar)
            case "\n" where previousWasCarriageReturn:
                continue  // "\r\n" is one line break, one space
            case "\n", "\r", "\t":
                result.append(" ")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}

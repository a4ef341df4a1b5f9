/// Text for an xlsx string cell, so that Excel and Calc show exactly the text given.
///
/// OOXML stores characters that XML cannot hold as `_xHHHH_` (a carriage return is `_x000D_`),
/// and a reader decodes every such sequence in a cell's text. libxlsxwriter 1.1.4 writes control
/// characters that way but leaves a literal `_x003D_` in the data as it is, so a name holding it
/// would show as `=` in Excel (and `_x005F_` as `_` in Calc): not a formula, but not the
/// database's text either. The standard's escape is `_x005F_` for the underscore that begins
/// such a sequence, as Python's XlsxWriter writes it. Escaped before the cut to Excel's cell
/// limit, so the stored text stays within it.
enum OOXMLText {
    /// `text` with `_x005F` put before every `_xHHHH_` sequence (H a hexadecimal digit).
    static func escaped(_ text: String) -> String {
        // Most cells hold no underscore at all: returned as they are, without copying them scalar
        // by scalar (issue 19: the sheets of thousands of findings and projects).
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", startsEscape(scalars, at: index) { result.append(contentsOf: "_x005F".unicodeScalars) }
            result.append(scalar)
        }
        return String(result)
    }

    /// Whether `_xHHHH_` begins at `index`.
    static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 7 <= scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_" else { return false }
        return scalars[(index + 2)..<(index + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}

/// Text from the database, made safe to open in a spreadsheet.
///
/// Area names (and, through the reference tables, category codes) come from tables other people
/// fill. Excel and LibreOffice take a CSV field that begins with `=`, `+`, `-` or `@` as a
/// formula (`=HYPERLINK(…)` phones home, DDE runs programs), and a leading tab or carriage return
/// can hide such a start. OWASP's advice for CSV injection: prefix such a field with `'`, which
/// spreadsheets show as text. Only text fields pass through here; numbers (a negative amount is
/// `-41,01`) are written as they are and stay numbers.
public enum SpreadsheetText {
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }
}

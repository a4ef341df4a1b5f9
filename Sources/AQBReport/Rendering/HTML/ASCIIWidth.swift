/// Widths of a table cell's text that is ASCII without a carriage return, measured on its bytes.
///
/// Why: measuring every cell of a county sheet with thousands of findings as a `String` (trimmed
/// through Foundation's `CharacterSet`, counted by grapheme) was most of the time of its page
/// (issue 19). In such text each byte is one character, and the whitespace
/// `CharacterSet.whitespacesAndNewlines` holds among ASCII is tab, line feed, vertical tab, form
/// feed, carriage return and space, so the bytes give the same numbers.
enum ASCIIWidth {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// The text without whitespace at either end (`HTMLTables.trimmed`).
    static func trimmed(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else {
            return text[text.startIndex..<text.startIndex]
        }
        return text[first...last]
    }

    /// The length of the longest run between spaces (`text.split(separator: " ")`), 0 for none.
    static func longestWord(_ text: ArraySlice<UInt8>) -> Int {
        var longest = 0
        var current = 0
        for byte in text {
            if byte == 0x20 {
                current = 0
            } else {
                current += 1
                longest = max(longest, current)
            }
        }
        return longest
    }
}

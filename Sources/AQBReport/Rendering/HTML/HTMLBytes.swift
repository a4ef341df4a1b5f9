/// Splitting, searching and replacing rendered HTML by its UTF-8 bytes.
///
/// The pages of a report with many findings or projects run to megabytes, and Foundation's
/// `components(separatedBy:)` and `replacingOccurrences(of:with:)` bridge the whole text to
/// UTF-16 on every call (25 s for the county sheets of 100,000 findings, issue 19). The markers
/// searched for are ASCII tags (`<table>`, `<tr`, `<t`, `<h2>`), and cmark escapes every `<`
/// of the text, so a byte match is where Foundation matched; like Foundation, a match is not
/// taken where the next scalar would join the marker's last character (a combining mark, a
/// zero-width joiner), which only text that was not rendered by cmark can hold. Each piece is a
/// new string of the same bytes, cut before and after an ASCII marker, so always valid UTF-8.
enum HTMLBytes {
    /// The pieces between the occurrences of `separator`, as `components(separatedBy:)`.
    static func split(_ text: String, separator: String) -> [String] {
        let bytes = Array(text.utf8)
        let marker = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0
        for position in occurrences(of: marker, in: bytes) {
            pieces.append(String(decoding: bytes[start..<position], as: UTF8.self))
            start = position + marker.count
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// The byte ranges between the occurrences of `separator` inside `range` of `bytes`, as
    /// `split` would cut the text of that range.
    static func pieces(of bytes: [UInt8], separator: String, in range: Range<Int>) -> [Range<Int>] {
        let marker = Array(separator.utf8)
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for position in occurrences(of: marker, in: bytes, range: range) {
            pieces.append(start..<position)
            start = position + marker.count
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    static func contains(_ text: String, _ needle: String) -> Bool {
        occurrences(of: Array(needle.utf8), in: Array(text.utf8), first: true).isEmpty == false
    }

    /// `text` with every occurrence of `target` replaced, left to right, not overlapping.
    static func replacing(_ text: String, _ target: String, with replacement: String) -> String {
        guard contains(text, target) else { return text }
        return String(decoding: replacing(Array(text.utf8), target, with: replacement), as: UTF8.self)
    }

    /// `replacing(_:_:with:)` on bytes, for callers that keep a page's bytes between steps
    /// (`HTMLTables.marked`) instead of making a string of them after each.
    static func replacing(_ bytes: [UInt8], _ target: String, with replacement: String) -> [UInt8] {
        let marker = Array(target.utf8)
        let found = occurrences(of: marker, in: bytes)
        guard !found.isEmpty else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + found.count * max(0, replacement.utf8.count - marker.count))
        var start = 0
        for position in found {
            result += bytes[start..<position]
            result += replacement.utf8
            start = position + marker.count
        }
        result += bytes[start...]
        return result
    }

    /// Where the first occurrence of `needle` inside `range` of `bytes` begins, as `split` would
    /// cut there; `nil` when there is none.
    static func firstOccurrence(of needle: String, in bytes: [UInt8], range: Range<Int>) -> Int? {
        occurrences(of: Array(needle.utf8), in: bytes, range: range, first: true).first
    }

    /// Whether the scalar starting at `offset` belongs to the character before it.
    private static func joinsPrevious(_ bytes: [UInt8], at offset: Int, before limit: Int) -> Bool {
        guard offset < limit, bytes[offset] >= 0x80 else { return false }
        let end = min(offset + 4, limit)
        guard let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isGraphemeExtend || scalar.value == 0x200D || scalar.properties.generalCategory == .spacingMark
    }

    /// Byte offsets of the non-overlapping occurrences of `marker`, left to right.
    private static func occurrences(of marker: [UInt8], in bytes: [UInt8], range: Range<Int>? = nil, first: Bool = false) -> [Int] {
        let range = range ?? 0..<bytes.count
        guard let head = marker.first, marker.count <= range.count else { return [] }
        var found: [Int] = []
        var index = range.lowerBound
        let last = range.upperBound - marker.count
        while index <= last {
            if bytes[index] == head && bytes[index..<index + marker.count].elementsEqual(marker)
                && !joinsPrevious(bytes, at: index + marker.count, before: range.upperBound)
            {
                found.append(index)
                if first { break }
                index += marker.count
            } else {
                index += 1
            }
        }
        return found
    }
}

import Foundation

/// The encodings a mail needs to carry UTF-8 through a transport that only promises 7-bit ASCII
/// lines: RFC 2047 encoded-words in headers, RFC 2231 parameters for file names, base64 and
/// quoted-printable bodies.
///
/// Why by hand: Foundation has base64 but none of the others, and the rules are short. Every
/// output line stays under 78 characters, so no relay has a reason to fold or rewrap it.
enum MIMEEncoding {
    /// A header value as is when it is printable ASCII, else as RFC 2047 `=?UTF-8?B?…?=` words of
    /// at most 75 characters, split between characters (never inside a UTF-8 sequence) and
    /// folded onto continuation lines.
    static func headerText(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if plain, !text.contains("=?") { return text }
        // 39 bytes of UTF-8 are 52 base64 characters, a word of 64: with "Subject: " in front, the
        // first line stays under 78 characters too (a word may have 75).
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: " ") : $0 }
            if chunk.count + bytes.count > 39, !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// `filename="bericht.xlsx"` for a plain name; for anything else RFC 2231's
    /// `filename*=UTF-8''Ma%C3%9Fnahmen.csv`, which mail readers show with its umlauts. A long
    /// value is split into numbered sections (`filename*0*=…; filename*1*=…`), one per line,
    /// never inside a `%XX`.
    static func parameter(_ name: String, _ value: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)
        if value.utf8.allSatisfy(safe.contains), !value.isEmpty, value.utf8.count <= 60 { return "\(name)=\"\(value)\"" }
        var sections: [String] = [""]
        for byte in value.utf8 {
            let token = safe.contains(byte) ? String(Character(UnicodeScalar(byte))) : "%" + hex(byte)
            if let last = sections.last, last.utf8.count + token.utf8.count > 45 { sections.append("") }
            sections[sections.count - 1] += token
        }
        if sections.count == 1 { return "\(name)*=UTF-8''\(sections[0])" }
        return sections.enumerated().map { index, section in
            "\(name)*\(index)*=" + (index == 0 ? "UTF-8''" : "") + section
        }.joined(separator: ";\n ")
    }

    /// Base64 in lines of 76 characters (RFC 2045), each ending in `\n`.
    static func base64(_ bytes: [UInt8]) -> String {
        let text = Data(bytes).base64EncodedString()
        var result = ""
        result.reserveCapacity(text.utf8.count + text.utf8.count / 76 + 1)
        var index = text.startIndex
        while index < text.endIndex {
            let end = text.index(index, offsetBy: 76, limitedBy: text.endIndex) ?? text.endIndex
            result += text[index..<end]
            result += "\n"
            index = end
        }
        return result
    }

    /// Quoted-printable (RFC 2045) of UTF-8 text: readable where it is ASCII, `=C3=A4` for `ä`,
    /// soft line breaks (`=` at the end) keep every line under 77 characters. Line breaks of the
    /// text stay line breaks; blanks before them are encoded, because relays strip them. The
    /// result ends in a line break exactly when the text does.
    static func quotedPrintable(_ text: String) -> String {
        var output = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            var current = ""
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let token: String
                if byte == UInt8(ascii: "=") || byte > 0x7E || (byte < 0x20 && byte != 0x09)
                    || ((byte == 0x20 || byte == 0x09) && isLast)
                {
                    token = "=" + hex(byte)
                } else {
                    token = String(Character(UnicodeScalar(byte)))
                }
                // Soft break: 75 characters plus "=" stay within the 76 the standard allows.
                if current.utf8.count + token.utf8.count > 75 {
                    output += current + "=\n"
                    current = ""
                }
                current += token
            }
            output += current
            if number < lines.count - 1 { output += "\n" }
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

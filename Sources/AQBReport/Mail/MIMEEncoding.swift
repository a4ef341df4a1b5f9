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
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters: 45 bytes of UTF-8.
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8).map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: " ") : $0 }
            if chunk.count + bytes.count > 45, !chunk.isEmpty {
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
    /// `filename*=UTF-8''Ma%C3%9Fnahmen.csv`, which mail readers show with its umlauts.
    static func parameter(_ name: String, _ value: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)
        if value.utf8.allSatisfy(safe.contains), !value.isEmpty { return "\(name)=\"\(value)\"" }
        var encoded = ""
        for byte in value.utf8 {
            if safe.contains(byte) { encoded.append(Character(UnicodeScalar(byte))) } else { encoded += "%" + hex(byte) }
        }
        return "\(name)*=UTF-8''\(encoded)"
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
    /// text stay line breaks; blanks before them are encoded, because relays strip them.
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
        return output.hasSuffix("\n") ? output : output + "\n"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

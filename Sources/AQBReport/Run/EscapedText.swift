/// A value quoted in a log line or an error message, with its control characters written out.
///
/// Why: every failure is one line on stderr, and values come from outside (an address in
/// `mail_to`, a mail program's complaint, a path). A CR/LF in one of them made a second line
/// (`Bcc: …`) that log readers and the failure alert took for a line of its own.
extension String {
    /// `\n`, `\r` and `\t` as such, other control characters (C0, DEL, C1, the Unicode line and
    /// paragraph separators) as `\u{…}`; everything else unchanged.
    public var escapingControlCharacters: String {
        var result = ""
        result.unicodeScalars.reserveCapacity(unicodeScalars.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

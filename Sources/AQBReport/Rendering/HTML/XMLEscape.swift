/// Escapes text for HTML and SVG, in element content and in quoted attributes alike.
///
/// Names come from the database; every one that reaches markup passes through here, so `<`, `&`
/// and quotes stay characters and never become tags, entities or the end of an attribute.
enum XMLEscape {
    static func text(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // Control characters other than tab and line breaks are not allowed in XML 1.0.
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                    result.append(character)
                } else {
                    result += "\u{FFFD}"
                }
            }
        }
        return result
    }
}

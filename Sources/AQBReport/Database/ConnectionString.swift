import CLibPQ
import Foundation

/// What we need to know about a connection string without connecting: whether it carries a
/// password, and how to show a message that may quote it without showing the password.
///
/// Parsed by libpq itself (`PQconninfoParse`), so keyword strings and URIs count alike, and
/// libpq decides which keys are secret (`dispchar` `*`: `password`, and whatever a later libpq
/// adds). libpq quotes a connection string it cannot parse in its error message, password and
/// all; for those, the password is found by the shapes of a URI and a keyword string instead.
public enum ConnectionString {
    public static func holdsPassword(_ conninfo: String) -> Bool {
        guard !conninfo.isEmpty else { return false }
        guard let secrets = secretValues(conninfo) else {
            // Not parseable: libpq will refuse it too; treat as possibly secret.
            return conninfo.contains("password") || conninfo.contains("@")
        }
        return !secrets.isEmpty
    }

    /// `text` with every secret of `conninfo` and anything shaped like a password replaced by
    /// `********`. Use on every message that may quote a connection string or a config line.
    public static func masked(_ text: String, conninfo: String) -> String {
        var result = text
        for secret in (secretValues(conninfo) ?? []).sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            result = result.replacingOccurrences(of: secret, with: mask)
        }
        return maskedByShape(result)
    }

    static let mask = "********"

    /// The values of the options libpq marks as secret; `nil` when libpq cannot parse the string.
    static func secretValues(_ conninfo: String) -> [String]? {
        guard !conninfo.isEmpty else { return [] }
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &message) else {
            if let message { PQfreemem(message) }
            return nil
        }
        defer { PQconninfoFree(options) }
        var secrets: [String] = []
        var index = 0
        while let keyword = options[index].keyword {
            defer { index += 1 }
            let secret = options[index].dispchar.map { String(cString: $0).contains("*") } ?? false
            let isPassword = String(cString: keyword) == "password"
            guard secret || isPassword, let value = options[index].val, value.pointee != 0 else { continue }
            secrets.append(String(cString: value))
        }
        return secrets
    }

    /// Masks the password of `scheme://user:password@host` and the value of `password=…`
    /// (bare, or quoted with `'`), wherever they appear in `text`.
    public static func maskedByShape(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let schemeEnd = rest.range(of: "://") {
            result += rest[..<schemeEnd.upperBound]
            rest = rest[schemeEnd.upperBound...]
            // The authority ends at the first '/', '?', '#', blank or quote; its userinfo at its last '@'.
            let authorityEnd = rest.firstIndex(where: { "/?#\"' \n\t".contains($0) }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                result += authority[...colon] + mask + authority[at...]
                rest = rest[authorityEnd...]
            }
        }
        result += rest
        return maskedKeywordPasswords(result)
    }

    private static func maskedKeywordPasswords(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let key = rest.range(of: "password", options: .caseInsensitive) {
            result += rest[..<key.upperBound]
            rest = rest[key.upperBound...]
            let afterBlanks = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard afterBlanks.first == "=" else { continue }
            let value = afterBlanks.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
            result += rest[..<value.startIndex]
            var end = value.startIndex
            if value.first == "'" {
                end = value.index(after: end)
                while end < value.endIndex, value[end] != "'" {
                    if value[end] == "\\", value.index(after: end) < value.endIndex { end = value.index(after: end) }
                    end = value.index(after: end)
                }
                if end < value.endIndex { end = value.index(after: end) }
                // Whatever sticks to the closing quote belongs to the same malformed value.
                end = value[end...].firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? value.endIndex
            } else {
                end = value.firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? value.endIndex
            }
            result += mask
            rest = value[end...]
        }
        return result + rest
    }
}

/// One mail address as the report accepts it: a plain `local@domain`, nothing that could end a
/// header or smuggle in another recipient.
///
/// Why so strict: the address goes into the `To:` header that `sendmail -t` reads its recipients
/// from. A newline would add headers of its own (a `Bcc:` to anyone), a comma or an angle bracket
/// another recipient. RFC 5321 allows more (quoted local parts); a ministry's addresses need none
/// of it, and a refused address is one log line, not a mail to the wrong person.
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    public let text: String

    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, local.utf8.count <= 64,
            domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains(".."), text.utf8.count <= 254
        else { return nil }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
        let domainAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
        guard local.allSatisfy(localAllowed.contains), domain.allSatisfy(domainAllowed.contains), !local.hasPrefix("."),
            !local.hasSuffix("."), !local.contains("..")
        else { return nil }
        self.text = text
    }

    public var description: String { text }

    /// The domain part, for the `Message-ID`.
    public var domain: String { String(text.split(separator: "@").last ?? "localhost") }

    /// `a@x.de, b@y.de` (commas, optional spaces) as addresses; the first bad one is named.
    public static func list(_ text: String) -> Result<[MailAddress], InvalidAddress> {
        var result: [MailAddress] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let candidate = String(part.trimmingWhitespace)
            guard let address = MailAddress(candidate) else { return .failure(InvalidAddress(text: candidate)) }
            result.append(address)
        }
        return .success(result)
    }

    /// A text that is not an address the report accepts.
    public struct InvalidAddress: Error, Sendable {
        public let text: String
    }
}

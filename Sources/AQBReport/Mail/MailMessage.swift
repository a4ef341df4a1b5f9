import Foundation

/// One mail, ready for `sendmail -t`: headers, a plain-text body, an optional HTML body and
/// attachments, rendered as MIME.
///
/// The structure is the one every mail reader understands: `multipart/mixed` holding a
/// `multipart/alternative` (text, then HTML: readers show the last they can) and then the
/// attachments. Without HTML and attachments the mail is a single text part. Lines end in `\n`,
/// as the sendmail interface expects; the MTA turns them into CRLF on the wire.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var date: Date
    public var text: String
    public var html: String?
    public var attachments: [MailAttachment] = []

    public init(from: MailAddress, to: [MailAddress], subject: String, date: Date, text: String, html: String? = nil) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.text = text
        self.html = html
    }

    /// The whole message; the boundaries and the `Message-ID` are random unless `messageID` is given.
    public func rendered(messageID: String? = nil) -> [UInt8] {
        let token = String(UInt64.random(in: .min ... .max), radix: 36)
        let id = messageID ?? "<\(Int(date.timeIntervalSince1970)).\(token)@\(from.domain)>"
        var headers = [
            "From: " + from.text,
            "To: " + to.map(\.text).joined(separator: ",\n "),
            "Subject: " + MIMEEncoding.headerText(subject),
            "Date: " + MailMessage.rfc5322Date(date),
            "Message-ID: " + id,
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "X-Mailer: aqb-report \(ReportRunner.version)",
        ]
        let textPart = MailMessage.textPart(text, subtype: "plain")
        let body: String
        if html == nil, attachments.isEmpty {
            headers += textPart.headers
            body = textPart.body.hasSuffix("\n") ? textPart.body : textPart.body + "\n"
        } else {
            let outer = "aqb-mixed-" + token
            let inner = "aqb-alt-" + token
            headers.append("Content-Type: multipart/mixed; boundary=\"\(outer)\"")
            var parts = ""
            parts += "This is a MIME message.\n\n--\(outer)\n"
            if let html {
                parts += "Content-Type: multipart/alternative; boundary=\"\(inner)\"\n\n"
                let htmlPart = MailMessage.textPart(html, subtype: "html")
                for part in [textPart, htmlPart] {
                    // The line break before a boundary belongs to the boundary (RFC 2046), so
                    // one more keeps the body's own last line break.
                    parts += "--\(inner)\n" + part.headers.joined(separator: "\n") + "\n\n" + part.body + "\n"
                }
                parts += "--\(inner)--\n"
            } else {
                parts += textPart.headers.joined(separator: "\n") + "\n\n" + textPart.body + "\n"
            }
            for attachment in attachments {
                parts += "--\(outer)\n"
                parts += "Content-Type: \(attachment.contentType);\n " + MIMEEncoding.parameter("name", attachment.fileName) + "\n"
                parts += "Content-Disposition: attachment;\n " + MIMEEncoding.parameter("filename", attachment.fileName) + "\n"
                parts += "Content-Transfer-Encoding: base64\n\n"
                parts += MIMEEncoding.base64(attachment.bytes)
            }
            parts += "--\(outer)--\n"
            body = parts
        }
        return Array((headers.joined(separator: "\n") + "\n\n" + body).utf8)
    }

    private static func textPart(_ text: String, subtype: String) -> (headers: [String], body: String) {
        (
            ["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: quoted-printable"],
            MIMEEncoding.quotedPrintable(text)
        )
    }

    /// `Fri, 27 Nov 2026 05:30:00 +0100`: RFC 5322's date, in Europe/Berlin like every time the
    /// ministry reads.
    static func rfc5322Date(_ date: Date) -> String {
        BerlinTime.formatter("EEE, dd MMM yyyy HH:mm:ss xx", at: date).string(from: date)
    }
}

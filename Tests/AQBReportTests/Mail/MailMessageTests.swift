import Foundation
import Testing

@testable import AQBReport

/// The MIME writer read back by Python's `email` package: umlauts in subject, bodies and file
/// names survive RFC 2047, quoted-printable and RFC 2231; attachments keep every byte.
@Suite struct MailMessageTests {
    static func parse(_ message: MailMessage) throws -> MailSink.Mail {
        let folder = try TemporaryFolder()
        try Data(message.rendered()).write(to: URL(fileURLWithPath: folder.path + "/m.eml"))
        let outcome = try ToolRunner.run("python3", [Repository.fixtures + "/tools/mail_parts.py", folder.path + "/m.eml"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return try #require(try JSONDecoder().decode([MailSink.Mail].self, from: Data(outcome.stdout.utf8)).first)
    }

    static let sender = MailAddress("aqb@example.de")
    /// Long enough for RFC 2231's numbered sections.
    static let longName = "Auffälligkeiten der Gebietskörperschaften im Regierungsbezirk Gießen, Stichtag 30.09.2025.csv"

    @Test func umlautsSurviveHeadersBodiesAndFileNames() throws {
        let subject = "AQB 2024 und 2025, Stand 30.09.2025: 61,8\u{00A0}% und 12,0\u{00A0}% abgeflossen, 3 Auffälligkeiten — Größe ÄÖÜß"
        let text =
            "Grüße aus Gießen\n" + String(repeating: "Maßnahmenart ", count: 20) + "\nZeile mit Leerzeichen am Ende   \n=3D bleibt =3D\n"
        var message = MailMessage(
            from: try #require(Self.sender), to: [try #require(MailAddress("a@example.de"))], subject: subject, date: Date(),
            text: text, html: "<p>Grüße aus Gießen</p>\n")
        let binary = (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        message.attachments = [
            MailAttachment(fileName: "Maßnahmenarten Übersicht.csv", contentType: "text/csv; charset=utf-8", bytes: Array("ä;ö\r\n".utf8)),
            MailAttachment(fileName: "bericht.xlsx", contentType: "application/octet-stream", bytes: binary),
            MailAttachment(fileName: Self.longName, contentType: "text/plain", bytes: []),
        ]
        let rendered = message.rendered()
        #expect(rendered.allSatisfy { $0 < 0x80 }, "7-bit only")
        #expect(String(decoding: rendered, as: UTF8.self).split(separator: "\n").allSatisfy { $0.utf8.count <= 78 })
        let parsed = try Self.parse(message)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.subject == subject)
        #expect(parsed.text == text)
        #expect(parsed.html == "<p>Grüße aus Gießen</p>\n")
        #expect(parsed.attachments.map(\.filename) == ["Maßnahmenarten Übersicht.csv", "bericht.xlsx", Self.longName])
        #expect(parsed.attachments.first?.bytes == Array("ä;ö\r\n".utf8))
        #expect(parsed.attachments.dropFirst().first?.bytes == binary)
    }

    @Test func aPlainMailIsOneTextPart() throws {
        let message = MailMessage(
            from: try #require(Self.sender), to: [try #require(MailAddress("a@example.de"))], subject: "AQB-Bericht wieder erfolgreich",
            date: Date(), text: "Die Fehlerserie ist beendet.\n")
        let parsed = try Self.parse(message)
        #expect(parsed.types == ["text/plain"])
        #expect(parsed.text == "Die Fehlerserie ist beendet.\n")
    }

    @Test(arguments: ["a@example.de\nBcc: x@evil.example", "a@b", "<a@example.de>", "a,b@example.de", "a b@example.de", "", "ä@example.de"])
    func addressesThatCouldInjectOrMisdirectAreRefused(text: String) {
        #expect(MailAddress(text) == nil)
    }
}

import Foundation
import Glibc
import Testing

/// A real SMTP server on loopback (`scripts/mail-sink`, Debian's aiosmtpd) on a free port, with
/// an msmtp configuration pointing at it: what the report hands to `msmtp -t` arrives here.
final class MailSink {
    let folder: TemporaryFolder
    let process = Process()
    let port: Int

    /// A parsed mail, as `Fixtures/tools/mail_parts.py` prints it.
    struct Mail: Decodable {
        struct Attachment: Decodable {
            var filename: String?
            var content_type: String
            var base64: String
            var bytes: [UInt8] { Array(Data(base64Encoded: base64) ?? Data()) }
        }
        var from: String
        var to: [String]
        var subject: String
        var date: String?
        var message_id: String?
        var types: [String]
        var text: String?
        var html: String?
        var attachments: [Attachment]
        var defects: [String]
    }

    init() throws {
        folder = try TemporaryFolder()
        process.executableURL = URL(fileURLWithPath: Repository.path("scripts/mail-sink"))
        process.arguments = ["--port", "0", "--folder", folder.path + "/mails"]
        FileManager.default.createFile(atPath: folder.path + "/sink.log", contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path + "/sink.log"))
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Waits for the line naming the port (a start-up wait, not a timing assertion).
        var found: Int?
        for _ in 0..<300 where found == nil {
            if let text = try? folder.read("sink.log"), let range = text.range(of: "127.0.0.1:") {
                found = Int(text[range.upperBound...].prefix { $0.isNumber })
            }
            if found == nil { usleep(50_000) }
        }
        port = try #require(found, "the mail sink did not start: \((try? folder.read("sink.log")) ?? "")")
        try msmtpConfiguration(port: port).write(toFile: configuration, atomically: true, encoding: .utf8)
        chmod(configuration, 0o600)
        try msmtpConfiguration(port: 1).write(toFile: closedConfiguration, atomically: true, encoding: .utf8)
        chmod(closedConfiguration, 0o600)
    }

    deinit {
        // SIGKILL: every mail is already complete on disk (written, then renamed), and a test
        // runner's threads may block SIGTERM for the children they start.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var configuration: String { folder.path + "/msmtprc" }
    /// The same, but for port 1 on loopback, where nothing listens: msmtp fails.
    var closedConfiguration: String { folder.path + "/msmtprc-closed" }

    /// The `sendmail` setting that delivers here.
    var sendmail: String { "/usr/bin/msmtp --file=\(configuration)" }

    func msmtpConfiguration(port: Int) -> String {
        "account default\nhost 127.0.0.1\nport \(port)\nfrom aqb-report@example.de\nauth off\ntls off\n"
    }

    /// The mails received so far, in order, with their envelope recipients.
    func mails() throws -> [(mail: Mail, recipients: [String])] {
        let names = folder.list("mails").filter { $0.hasSuffix(".eml") }
        guard !names.isEmpty else { return [] }
        let outcome = try ToolRunner.run(
            "python3", [Repository.fixtures + "/tools/mail_parts.py"] + names.map { folder.path + "/mails/" + $0 })
        #expect(outcome.status == 0, "mail_parts.py: \(outcome.stderr)")
        let mails = try JSONDecoder().decode([Mail].self, from: Data(outcome.stdout.utf8))
        return try zip(mails, names).map { mail, name in
            let envelope = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/mails/" + name.replacingOccurrences(of: ".eml", with: ".json")))
            )
            return (mail, (envelope as? [String: Any])?["rcpt_tos"] as? [String] ?? [])
        }
    }
}

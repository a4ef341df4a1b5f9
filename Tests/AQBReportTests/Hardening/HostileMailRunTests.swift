import Foundation
import Testing

@testable import AQBReport

/// The built binary with a hostile address and a mail program that does not take the mail: the
/// report is published, the run ends with 79, and the failure is one line on stderr.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct HostileMailRunTests {
    @Test func anAddressWithALineBreakIsQuotedOnOneLine() throws {
        let run = try RunMailTests.Run()
        let outcome = try run.report(["--mail-to", "analyse@example.de\r\nBcc: spion@example.org", "--sendmail", run.sink.sendmail])
        #expect(outcome.status == 79, "\(outcome.stderr)")
        let lines = outcome.stderr.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        #expect(!lines.contains { $0.hasPrefix("Bcc:") }, "\(outcome.stderr)")
        let errors = lines.filter { $0.contains(" error ") }
        #expect(errors.count == 1, "\(outcome.stderr)")
        #expect(errors.first?.contains("analyse@example.de\\r\\nBcc: spion@example.org") == true, "\(outcome.stderr)")
        #expect(try run.sink.mails().isEmpty)
    }

    @Test func aMailProgramThatExitsWithoutReadingIsAFailure() throws {
        let run = try RunMailTests.Run()
        let program = run.output.path + "/lazy-sendmail"
        try "#!/bin/sh\nexit 0\n".write(toFile: program, atomically: true, encoding: .utf8)
        chmod(program, 0o755)
        let outcome = try run.report(["--mail-to", "analyse@example.de", "--sendmail", program])
        #expect(outcome.status == 79, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("did not read the whole mail"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("mailed the report"), "\(outcome.stderr)")
        #expect(try run.metrics().contains("aqb_report_last_mail{mail=\"bericht\",result=\"failed\"} 1"))
        // Published, so the year's success time is recorded, although the status is 79.
        #expect(try run.metrics().contains("aqb_report_last_success_timestamp_seconds{year=\"2024\"}"))
        #expect(try run.disk("manifest.json").count > 0, "the report is published all the same")
    }
}

import Foundation
import SwiftCSV
import Testing

@testable import AQBReport

/// The morning mail and the failure alert end to end: the built binary, a real `msmtp` as
/// `sendmail -t`, a real SMTP sink on loopback, and Python's `email` package reading what arrived.
@Suite(.enabled(if: TestDatabase.isAvailable)) struct RunMailTests {
    static let asOf = "2025-09-30"

    struct Run {
        let database: TestDatabase
        let output: TemporaryFolder
        let sink: MailSink

        init() throws {
            database = try TestDatabase()
            try database.loadSample()
            output = try TemporaryFolder()
            sink = try MailSink()
        }

        var metricsPath: String { output.path + "/metrics.prom" }

        func report(_ extra: [String], db: String? = nil) throws -> CommandRunner.Outcome {
            try CommandRunner.run(
                [
                    "report", "--db", db ?? database.reportConninfo, "--year", "2024", "--as-of", RunMailTests.asOf, "--out",
                    output.path + "/reports", "--connect-attempts", "1", "--metrics-file", metricsPath, "--mail-from",
                    "aqb-bericht@example.de",
                ] + extra)
        }

        var folder: String { output.path + "/reports/2024/" + RunMailTests.asOf }

        func disk(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))) }

        func metrics() throws -> String { try String(contentsOfFile: metricsPath, encoding: .utf8) }
    }

    /// `kreise.csv`'s Land row, as the analysts' files have it.
    static func land(_ run: Run) throws -> [String: String] {
        let raw = String(decoding: try run.disk("kreise.csv"), as: UTF8.self)
        let csv = try CSV<Enumerated>(string: String(raw.drop { $0 == "\u{FEFF}" }), delimiter: .semicolon, loadColumns: false)
        let row = try #require(csv.rows.first { $0[1] == "06" })
        return Dictionary(uniqueKeysWithValues: zip(csv.header, row))
    }

    @Test func theMorningMailArrivesWithSubjectBothBodiesAndTheFilesByteForByte() throws {
        let run = try Run()
        let outcome = try run.report(["--mail-to", "analyse@example.de, referat@example.de", "--sendmail", run.sink.sendmail])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let mails = try run.sink.mails()
        try #require(mails.count == 1)
        let (mail, recipients) = mails[0]
        #expect(recipients == ["analyse@example.de", "referat@example.de"])
        #expect(mail.to == ["analyse@example.de", "referat@example.de"])
        #expect(mail.from == "aqb-bericht@example.de")
        #expect(mail.defects.isEmpty, "\(mail.defects)")
        let land = try Self.land(run)
        let share = try #require(land["abfluss_prozent"])
        // The findings of the year, counted from the file the analysts get.
        let raw = String(decoding: try run.disk("auffaelligkeiten.csv"), as: UTF8.self)
        let findings = try CSV<Enumerated>(string: String(raw.drop { $0 == "\u{FEFF}" }), delimiter: .semicolon, loadColumns: false)
            .rows.count
        let counted = findings == 0 ? "keine Auffälligkeiten" : findings == 1 ? "1 Auffälligkeit" : "\(findings) Auffälligkeiten"
        #expect(mail.subject == "AQB 2024, Stand 30.09.2025: \(share)\u{00A0}% abgeflossen, \(counted)")
        #expect(mail.date?.isEmpty == false)
        #expect(mail.message_id?.hasSuffix("@example.de>") == true)
        #expect(mail.types.prefix(4) == ["multipart/mixed", "multipart/alternative", "text/plain", "text/html"])
        // Both bodies: umlauts intact, the Land's figures as published.
        let text = try #require(mail.text)
        let html = try #require(mail.html)
        let teilnehmende = try #require(Int(land["teilnehmende"] ?? ""))
        for body in [text, html] {
            #expect(body.contains("Regierungsbezirk Gießen"))
            #expect(body.contains("zählt Teilnahmen"))
            #expect(body.contains(NumberFormat.count(teilnehmende)))
            #expect(body.contains(share + "\u{00A0}%"))
        }
        #expect(html.contains("<table"))
        // Attachments: the default choice, byte for byte the files on disk.
        #expect(mail.attachments.map(\.filename) == ["bericht.xlsx", "bericht.html"])
        #expect(mail.attachments.first?.bytes == (try run.disk("bericht.xlsx")))
        #expect(mail.attachments.last?.bytes == (try run.disk("bericht.html")))
        #expect(try run.metrics().contains("aqb_report_last_mail{mail=\"bericht\",result=\"sent\"} 1"))
    }

    /// `mail_kreise` attaches the chosen county sheets byte for byte and names a key without a
    /// sheet; `mail_link_base` replaces the server path; each year's findings are counted per
    /// severity, as `auffaelligkeiten.csv` has them.
    @Test func theMailCarriesChosenCountySheetsALinkAndTheFindingsPerSeverity() throws {
        let run = try Run()
        let outcome = try run.report([
            "--mail-to", "analyse@example.de", "--sendmail", run.sink.sendmail, "--mail-kreise", "06634,06999", "--mail-attachments",
            "none", "--mail-link-base", "https://intranet.example.de/aqb/",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let mails = try run.sink.mails()
        try #require(mails.count == 1)
        let mail = mails[0].0
        let sheet = try #require(
            try FileManager.default.contentsOfDirectory(atPath: run.folder + "/kreise").first {
                $0.hasPrefix("06634-") && $0.hasSuffix(".html")
            })
        #expect(mail.attachments.map(\.filename) == [sheet])
        #expect(mail.attachments.first?.bytes == (try run.disk("kreise/" + sheet)))
        let raw = String(decoding: try run.disk("auffaelligkeiten.csv"), as: UTF8.self)
        let rows = try CSV<Enumerated>(string: String(raw.drop { $0 == "\u{FEFF}" }), delimiter: .semicolon, loadColumns: false).rows
        let counts = Dictionary(grouping: rows, by: { $0[0] }).mapValues(\.count)
        #expect((counts["Fehler"] ?? 0) > 0 && (counts["Hinweis"] ?? 0) > 0, "the sample triggers several severities: \(counts)")
        let expected = [("Fehler", "Fehler", "Fehler"), ("Warnung", "Warnung", "Warnungen"), ("Hinweis", "Hinweis", "Hinweise")]
            .compactMap { key, one, many in counts[key].map { "\($0) \($0 == 1 ? one : many)" } }.joined(separator: ", ")
        for body in [try #require(mail.text), try #require(mail.html)] {
            #expect(body.contains("Auffälligkeiten: " + expected), "\(body)")
            #expect(body.contains("https://intranet.example.de/aqb/2024/\(RunMailTests.asOf)/bericht.html"))
            #expect(!body.contains("Ordner:") && !body.contains(run.output.path))
            #expect(body.contains("Kein Kreisblatt für 06999"))
        }
    }

    @Test func aFailureStreakSendsOneAlertAndOneAllClear() throws {
        let run = try Run()
        let alert = ["--alert-to", "betrieb@example.de", "--sendmail", run.sink.sendmail]
        // Nothing listens on port 1: the database is unreachable (69).
        let unreachable = "host=127.0.0.1 port=1 dbname=aqb connect_timeout=5"
        for _ in 0..<2 {
            let failed = try run.report(alert, db: unreachable)
            #expect(failed.status == 69, "\(failed.stderr)")
        }
        let succeeded = try run.report(alert)
        #expect(succeeded.status == 0, "\(succeeded.stderr)")
        let mails = try run.sink.mails()
        try #require(mails.count == 2)
        #expect(mails.map(\.recipients) == [["betrieb@example.de"], ["betrieb@example.de"]])
        #expect(mails[0].mail.subject == "AQB-Bericht fehlgeschlagen (Status 69): Datenbank nicht erreichbar")
        let body = try #require(mails[0].mail.text)
        #expect(body.contains("Exit-Status: 69"))
        #expect(body.contains("Letzte Log-Zeilen:"))
        #expect(body.contains("cannot reach the database"))
        #expect(mails[1].mail.subject == "AQB-Bericht wieder erfolgreich")
        #expect(mails[1].mail.text?.contains("Status 69") == true)
        // A further success sends nothing more.
        #expect(try run.report(alert).status == 0)
        #expect(try run.sink.mails().count == 2)
    }

    enum BadInput: String, CaseIterable, CustomTestStringConvertible {
        case invalidAddress, missingSendmail, failingSendmail, tooLarge
        var testDescription: String { rawValue }
    }

    @Test(arguments: BadInput.allCases)
    func aMailThatCannotLeaveIsOneLineAndStatus79WithTheReportOnDisk(_ input: BadInput) throws {
        let run = try Run()
        let arguments: [String] =
            switch input {
            case .invalidAddress: ["--mail-to", "analyse@example.de,kein adresse", "--sendmail", run.sink.sendmail]
            case .missingSendmail: ["--mail-to", "analyse@example.de", "--sendmail", "/nonexistent/sendmail"]
            case .failingSendmail:
                ["--mail-to", "analyse@example.de", "--sendmail", "/usr/bin/msmtp --file=\(run.sink.closedConfiguration)"]
            case .tooLarge: ["--mail-to", "analyse@example.de", "--sendmail", run.sink.sendmail, "--mail-max-bytes", "20000"]
            }
        let outcome = try run.report(arguments)
        #expect(outcome.status == 79, "\(outcome.stderr)")
        let errors = outcome.stderr.split(separator: "\n").filter { $0.contains(" error ") }
        #expect(errors.count == 1, "\(outcome.stderr)")
        #expect(errors.first?.contains("the report was written") == true)
        #expect(outcome.stdout.contains(run.folder))
        #expect(try run.disk("bericht.html").count > 0)
        #expect(try run.disk("manifest.json").count > 0)
        let mails = try run.sink.mails()
        let metrics = try run.metrics()
        #expect(metrics.contains("aqb_report_last_exit_status 79"))
        if input == .tooLarge {
            #expect(metrics.contains("aqb_report_last_mail{mail=\"bericht\",result=\"sent_without_attachments\"} 1"))
            try #require(mails.count == 1)
            #expect(mails[0].mail.attachments.isEmpty)
            #expect(mails[0].mail.text?.contains("Die Anhänge fehlen") == true)
            #expect(mails[0].mail.html?.contains("Die Anhänge fehlen") == true)
        } else {
            #expect(metrics.contains("aqb_report_last_mail{mail=\"bericht\",result=\"failed\"} 1"))
            #expect(mails.isEmpty)
        }
    }

    @Test func anInternalReportIsMailedOnlyWhenAllowedAndThenSaysIntern() throws {
        let run = try Run()
        let base = ["--no-disclosure-control", "--mail-to", "analyse@example.de", "--sendmail", run.sink.sendmail]
        let refused = try run.report(base)
        #expect(refused.status == 0, "\(refused.stderr)")
        #expect(try run.sink.mails().isEmpty)
        #expect(try run.metrics().contains("result=\"not_sent_internal\""))
        let allowed = try run.report(base + ["--mail-internal"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let mails = try run.sink.mails()
        try #require(mails.count == 1)
        #expect(mails[0].mail.subject.hasPrefix("AQB 2024 (intern), Stand 30.09.2025: "))
        #expect(mails[0].mail.text?.contains("INTERN") == true)
    }
}

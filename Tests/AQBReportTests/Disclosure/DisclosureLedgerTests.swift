import Foundation
import Testing

@testable import AQBReport

/// The disclosure ledger (issue 15): the audit's knowledge of earlier reports comes from the
/// record of what left the tool, not from folders anyone can edit or delete.
@Suite struct DisclosureLedgerTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
    }

    /// Runs the binary as cron would; returns status, stdout and stderr.
    func report(_ asOf: String, out: TemporaryFolder, extra: [String] = []) throws -> CommandRunner.Outcome {
        try CommandRunner.run(
            ["report", "--year", "2025", "--as-of", asOf, "--out", out.path, "--db", database.reportConninfo] + extra)
    }

    func manifest(_ folder: String) throws -> Manifest {
        try Manifest.decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))))
    }

    func ledgerLines(_ out: TemporaryFolder) throws -> [String] {
        let text = try String(contentsOfFile: out.path + "/.aqb-report-ledger-2025", encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// The count columns of the wide files, as a reader compares two nights.
    func countCells(_ folder: String) throws -> [String] {
        var cells: [String] = []
        for name in ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv", "foerderschwerpunkte.csv", "projekte.csv"] {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let lines = text.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            guard let header = lines.first else { continue }
            let columns = header.indices.filter { header[$0].hasPrefix("teilnehm") }
            #expect(!columns.isEmpty, "\(name)")
            for line in lines.dropFirst() { cells.append(columns.map { line[$0] }.joined(separator: ";")) }
        }
        return cells
    }

    /// Nights of one counting day publish the recorded pattern again, byte for byte, and add
    /// nothing to the ledger; the next counting day is a table of its own.
    @Test func nightsOfOneCountingDayReuseTheRecordedPattern() throws {
        let out = try TemporaryFolder()
        // After the sample's last booking (2026-02-28): nothing changes between these nights.
        for night in ["2026-03-10", "2026-03-11", "2026-03-12"] {
            let result = try report(night, out: out)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try manifest(out.path + "/2025/" + night).parameters.zaehltag == "2026-02-28")
        }
        #expect(try ledgerLines(out).count == 1)
        let first = try countCells(out.path + "/2025/2026-03-10")
        #expect(first.contains { $0.contains("*") })
        #expect(try countCells(out.path + "/2025/2026-03-11") == first)
        #expect(try countCells(out.path + "/2025/2026-03-12") == first)
        let monthEnd = try report("2026-03-31", out: out)
        #expect(monthEnd.status == 0, "\(monthEnd.stderr)")
        #expect(try ledgerLines(out).count == 2)
        #expect(try manifest(out.path + "/2025/2026-03-31").disclosure?.neighbours == ["2026-02-28"])
    }

    /// A project that begins to spend tells readers it counted someone: the same counts, new
    /// knowledge. The recorded pattern is audited again with it and, passing, published again:
    /// the count cells stay as they were, and the ledger records what readers now know.
    @Test func aProjectThatBeginsToSpendKeepsThePattern() throws {
        let out = try TemporaryFolder()
        #expect(try report("2026-03-10", out: out).status == 0)
        let project = try #require(
            try database.rows(
                """
                SELECT p.id FROM aqb.projekt p WHERE p.jahr = 2025
                  AND NOT EXISTS (SELECT 1 FROM aqb.ausgabe a WHERE a.projekt_id = p.id AND a.buchungstag <= '2026-03-10')
                  AND EXISTS (SELECT 1 FROM aqb.teilnahme t WHERE t.projekt_id = p.id AND t.eintritt <= '2026-02-28')
                ORDER BY p.id LIMIT 1
                """
            ).first?.first)
        try database.load(
            "INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur) VALUES (990001, \(project), '2026-03-11', 100.00)")
        let next = try report("2026-03-12", out: out)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("passes the audit with what readers learned since"), "\(next.stderr)")
        #expect(try countCells(out.path + "/2025/2026-03-12") == (try countCells(out.path + "/2025/2026-03-10")))
        #expect(try ledgerLines(out).count == 2)
    }

    /// A report whose folder `keep` removed is still in the readers' inboxes: the next one is
    /// audited against it.
    @Test func aDeletedFolderIsStillKnown() throws {
        let out = try TemporaryFolder()
        #expect(try report("2025-08-31", out: out).status == 0)
        try FileManager.default.removeItem(atPath: out.path + "/2025/2025-08-31")
        let next = try report("2025-09-30", out: out)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try manifest(out.path + "/2025/2025-09-30").disclosure?.neighbours == ["2025-08-31"])
        // Both together pass the audit a reader with both mails would run.
        let again = try TemporaryFolder()
        let earlier = try report("2025-08-31", out: again)
        #expect(earlier.status == 0)
        let audit = try CommandRunner.run(["audit", again.path + "/2025/2025-08-31", out.path + "/2025/2025-09-30"])
        #expect(audit.status == 0, "\(audit.stdout)")
    }

    /// A report written as `bericht.md` alone publishes counts too: it is recorded, and the next
    /// report is audited against it (before the ledger it was left out with a warning).
    @Test func aMarkdownOnlyReportIsKnown() throws {
        let out = try TemporaryFolder()
        #expect(try report("2025-08-31", out: out, extra: ["--format", "md"]).status == 0)
        #expect(try ledgerLines(out).count == 1)
        let next = try report("2025-09-30", out: out)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try manifest(out.path + "/2025/2025-09-30").disclosure?.neighbours == ["2025-08-31"])
    }

    /// An earlier folder edited by someone else (a forged area in kreise.csv, with its manifest
    /// entry fixed up or not) is never compared with: "Veränderungen seit" would show the forgery.
    @Test func anEditedEarlierFolderIsNotComparedWith() throws {
        let out = try TemporaryFolder()
        #expect(try report("2025-08-31", out: out).status == 0)
        let untouched = try report("2025-09-30", out: try TemporaryFolder())
        #expect(untouched.status == 0)
        let path = out.path + "/2025/2025-08-31/kreise.csv"
        // Byte for byte but the forged row: the BOM tells a reader the file's dialect.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        var text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let row = try #require(text.range(of: "\r\nKreis;06411;"))
        text.insert(
            contentsOf: "\r\nKreis;06477;Fälschung;0,00;0,00;0,00;0,00;0,00;0,00;;0;0;0;0;0;0;kreisfreie Stadt;0;0;0;;0,00;0;0",
            at: row.lowerBound)
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: path))
        let next = try report("2025-09-30", out: out)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("nicht im Register der Veröffentlichungen oder wurde verändert"), "\(next.stderr)")
        let bericht = try String(contentsOfFile: out.path + "/2025/2025-09-30/bericht.md", encoding: .utf8)
        #expect(!bericht.contains("Fälschung"))
        #expect(!bericht.contains("## Veränderungen seit"))
    }

    /// A ledger changed by hand is refused with one clear line and status 65; nothing is
    /// published, and the ledger is not silently rebuilt.
    @Test func aTamperedLedgerIsRefused() throws {
        let out = try TemporaryFolder()
        #expect(try report("2025-08-31", out: out).status == 0)
        let path = out.path + "/.aqb-report-ledger-2025"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let forged = try #require(text.range(of: "\"values\":[[")).upperBound
        text.replaceSubrange(forged..<text.index(after: forged), with: text[forged] == "9" ? "8" : "9")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let result = try report("2025-09-30", out: out)
        #expect(result.status == 65)
        #expect(result.stderr.contains("checksum"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("error") }.count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path + "/2025/2025-09-30"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    /// A folder planted under the output base (here a copy of an internal report, with its
    /// small counts, in a published report's place) is never read as knowledge: the run says
    /// so once and audits against the ledger alone.
    @Test func aFolderNotInTheLedgerIsNotRead() throws {
        let out = try TemporaryFolder()
        let intern = try report("2025-08-31", out: out, extra: ["--no-disclosure-control"])
        #expect(intern.status == 0)
        try FileManager.default.moveItem(atPath: out.path + "/2025/2025-08-31-intern", toPath: out.path + "/2025/2025-08-31")
        let result = try report("2025-09-30", out: out)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("not in the disclosure ledger"), "\(result.stderr)")
        #expect(try manifest(out.path + "/2025/2025-09-30").disclosure?.neighbours == [])
        #expect(try ledgerLines(out).count == 1)
    }
}

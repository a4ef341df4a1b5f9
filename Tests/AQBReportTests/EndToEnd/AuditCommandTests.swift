import Foundation
import Testing

@testable import AQBReport

/// `aqb-report audit` and the audit inside `report`, end to end on the sample data: every
/// published folder passes the attack from its CSV files alone, an old folder of the earlier
/// rule does not, and nightly reports of one cohort stay safe side by side.
@Suite struct AuditCommandTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
    }

    func report(_ year: Int, _ asOf: String, out: TemporaryFolder, format: String = "de") throws -> String {
        let result = try CommandRunner.run([
            "report", "--year", String(year), "--as-of", asOf, "--out", out.path, "--db", database.reportConninfo, "--csv-format", format,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        return out.path + "/\(year)/\(asOf)"
    }

    @Test(arguments: [(2024, "de"), (2025, "rfc4180")])
    func theSampleReportPassesItsAuditInBothDialects(year: Int, format: String) throws {
        let out = try TemporaryFolder()
        let folder = try report(year, "2025-09-30", out: out, format: format)
        let result = try CommandRunner.run(["audit", folder])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("ok,"))

        // The loss on record: the manifest counts exactly the stars of the files.
        let manifest = try Manifest.decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))))
        let disclosure = try #require(manifest.disclosure)
        let counts = try PublishedFolder.read(folder)
        #expect(counts.starsMayBeZero)
        #expect(disclosure.primaryCells + disclosure.secondaryCells == counts.values.joined().filter { $0 == nil }.count)
        #expect(disclosure.primaryCells > 0 && disclosure.secondaryCells > 0)
        let bericht = try String(contentsOfFile: folder + "/bericht.md", encoding: .utf8)
        #expect(bericht.contains("\(disclosure.primaryCells) Zellen primär gesperrt"))
    }

    @Test func aFolderOfTheEarlierRuleFailsNamingTheCellAndItsRange() throws {
        let result = try CommandRunner.run(["audit", Repository.fixtures + "/old-rule/2025-2025-09-30-rfc4180"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stdout.contains("06411 kreise.csv teilnehmende_d is provably in [1, 1]"), "\(result.stdout)")
        #expect(result.stderr.contains("do not pass these files on"))
    }

    @Test func foldersOfDifferentYearsAreAttackedYearByYear() throws {
        // Cohorts share no cell: `audit reports/*/latest` attacks each year's folders on its own.
        let out = try TemporaryFolder()
        let first = try report(2024, "2025-09-30", out: out)
        let second = try report(2025, "2025-09-30", out: out)
        let result = try CommandRunner.run(["audit", first, second])
        #expect(result.status == 0, "\(result.stderr)")
        func stars(_ folder: String) throws -> Int {
            let disclosure = try #require(
                try Manifest.decode(Array(Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))).disclosure)
            return disclosure.primaryCells + disclosure.secondaryCells
        }
        #expect(
            result.stdout
                == "\(first): ok, \(try stars(first)) suppressed cells, none can be narrowed down\n\(second): ok, \(try stars(second)) suppressed cells, none can be narrowed down\n"
        )
        // An old folder of one year still fails the whole call, beside a clean one of another.
        let mixed = try CommandRunner.run(["audit", second, Repository.fixtures + "/old-rule/2024-2025-09-30-de"])
        #expect(mixed.status == 65, "\(mixed.stdout)")
    }

    @Test func somethingThatIsNotAReportFolderIs65() throws {
        let empty = try TemporaryFolder()
        let result = try CommandRunner.run(["audit", empty.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("kreise.csv"), "\(result.stderr)")
    }

    @Test func nightlyReportsOfOneCohortRevealNothingTogether() throws {
        // As the nightly job writes them: the second run finds the first in the disclosure
        // ledger, as the table of its counting day (the last month-end, 2025-08-31).
        let out = try TemporaryFolder()
        let first = try report(2025, "2025-09-15", out: out)
        let second = try report(2025, "2025-09-30", out: out)
        let manifest = try Manifest.decode(Array(try Data(contentsOf: URL(fileURLWithPath: second + "/manifest.json"))))
        #expect(manifest.disclosure?.neighbours == ["2025-08-31"])
        let together = try CommandRunner.run(["audit", first, second])
        #expect(together.status == 0, "\(together.stdout)")

        // The same two reports written without knowing of each other (the earlier tool, or
        // another output base) do give a cell away on this data: the leak the audit prevents.
        let apart = try TemporaryFolder()
        let alone = try report(2025, "2025-09-30", out: apart)
        let leak = try CommandRunner.run(["audit", first, alone])
        #expect(leak.status == 65, "\(leak.stdout)")
    }
}

import Foundation
import Testing

@testable import AQBReport

/// Bounded input (issue 15): a published folder read by `aqb-report audit` (or as the previous
/// year) may have been planted. Absurd values end in status 65 with one line, never a trap, and
/// in time linear in what is read.
@Suite struct PlantedFolderTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
    }

    /// A real folder, then `edit` applied to its kreise.csv.
    func planted(_ edit: (String) -> String) throws -> (TemporaryFolder, String) {
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2025", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo, "--format", "csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = out.path + "/2025/2025-09-30"
        let path = folder + "/kreise.csv"
        // Byte for byte but the edit: the BOM tells the reader the file's dialect.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let edited = edit(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        try Data([0xEF, 0xBB, 0xBF] + Array(edited.utf8)).write(to: URL(fileURLWithPath: path))
        return (out, folder)
    }

    @Test(arguments: ["9223372036854775807", "10000001", "-1", "1e3", "0x10"])
    func anAbsurdCountIs65NotATrap(count: String) throws {
        let (out, folder) = try planted { text in
            // Hessen's teilnehmende, the twelfth field of the Land's row.
            guard let land = text.range(of: "Land;06;Hessen;"), let end = text[land.upperBound...].range(of: "\r\n") else { return text }
            var fields = text[land.lowerBound..<end.lowerBound].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            fields[11] = count
            return text.replacingCharacters(in: land.lowerBound..<end.lowerBound, with: fields.joined(separator: ";"))
        }
        let result = try withExtendedLifetime(out) { try CommandRunner.run(["audit", folder]) }
        #expect(result.status == 65, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains(count), "\(result.stderr)")
    }

    @Test func fortyThousandAreasAre65() throws {
        let (out, folder) = try planted { text in
            guard let kreis = text.range(of: "\r\nKreis;06411;"), let end = text[kreis.upperBound...].range(of: "\r\n") else { return text }
            let row = String(text[kreis.lowerBound..<end.lowerBound])
            let extra = (0..<40_000).map { row.replacingOccurrences(of: "06411", with: "0641" + String(format: "%05d", $0)) }.joined()
            return text.replacingCharacters(in: kreis.lowerBound..<kreis.lowerBound, with: extra)
        }
        let result = try withExtendedLifetime(out) { try CommandRunner.run(["audit", folder]) }
        #expect(result.status == 65, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("areas"), "\(result.stderr)")
    }
}

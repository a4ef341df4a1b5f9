import Foundation
import Testing

@testable import AQBReport

/// A full disk keeps the previous files and leaves no half-written temporary files behind (they
/// were 0-byte `*.tmp-*` files before), and a metrics file that cannot be written is logged.
@Suite struct DiskFullTests {
    @Test func theMetricsFileLeavesNoTemporaryFileOnAFullDisk() throws {
        let disk = try FullDisk()
        let error = #expect(throws: ReportError.self) {
            try MetricsFile(path: disk.path + "/aqb.prom").write(status: 0, finishedAt: 1_700_000_000, durationMs: 5, perYear: [])
        }
        #expect(error?.message.contains("No space left") == true, "\(error?.message ?? "")")
        #expect(disk.entries.isEmpty, "\(disk.entries)")
    }

    @Test func theMailStateLeavesNoTemporaryFileOnAFullDisk() throws {
        let disk = try FullDisk()
        let base = try Directory.open(disk.path, followLink: false, ownedByUs: true)
        #expect(throws: FileSystem.Failure.self) { try FailureStreak.failing(since: "2025-09-30T04:30:00+02:00", status: 69).write(base) }
        #expect(disk.entries.isEmpty, "\(disk.entries)")
    }

    @Test(.enabled(if: TestDatabase.isAvailable)) func aMetricsFileThatCannotBeWrittenIsLogged() throws {
        let disk = try FullDisk()
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let outcome = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
            "--metrics-file", disk.path + "/aqb.prom",
        ])
        #expect(outcome.status == 0, "the report itself is written: \(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n").filter { $0.contains("cannot write the metrics file") }
        #expect(lines.count == 1, "\(outcome.stderr)")
        #expect(lines.first?.contains("No space left") == true, "\(outcome.stderr)")
        #expect(disk.entries.isEmpty, "\(disk.entries)")
    }
}

/// `--keep` with an old folder that another user owns: it cannot be removed, and the log says
/// so instead of "removed".
@Suite(.enabled(if: TestDatabase.isAvailable)) struct KeepForeignFolderTests {
    @Test func aForeignOldFolderIsAWarningNotRemoved() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        func report(_ asOf: String, _ extra: [String] = []) throws -> CommandRunner.Outcome {
            try CommandRunner.run(
                ["report", "--year", "2024", "--as-of", asOf, "--out", out.path, "--db", database.reportConninfo] + extra)
        }
        #expect(try report("2025-09-29").status == 0)
        let old = out.path + "/2024/2025-09-29"
        let inside = old + "/fremd"
        try FileManager.default.createDirectory(atPath: inside, withIntermediateDirectories: false)
        try "x".write(toFile: inside + "/datei", atomically: false, encoding: .utf8)
        #expect(chown(inside + "/datei", 65534, 65534) == 0 && chown(inside, 65534, 65534) == 0)
        let outcome = try report("2025-09-30", ["--keep", "1"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: old), "the foreign folder stays")
        #expect(!outcome.stderr.contains("removed old report \(old)"), "\(outcome.stderr)")
        let warnings = outcome.stderr.split(separator: "\n").filter { $0.contains(" warning ") && $0.contains(old) }
        #expect(warnings.count == 1, "\(outcome.stderr)")
        #expect(warnings.first?.contains("could not be removed") == true, "\(outcome.stderr)")
    }
}

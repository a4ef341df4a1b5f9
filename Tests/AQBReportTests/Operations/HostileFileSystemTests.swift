import Foundation
import Testing

@testable import AQBReport

/// A neighbour who can write where the report writes: links planted at the lock file, a year
/// folder, the metrics file's temporary name, inside a report folder; files and folders where
/// the report keeps its own. Nothing outside the output may change, and each case is status 73
/// with a message, before any report is replaced.
@Suite struct HostileFileSystemTests {
    static var isRoot: Bool { getuid() == 0 }

    func report(_ database: TestDatabase, _ out: String, asOf: String = "2025-09-30", extra: [String] = []) throws -> CommandRunner.Outcome
    {
        try CommandRunner.run(
            ["report", "--year", "2024", "--as-of", asOf, "--out", out, "--db", database.reportConninfo, "--connect-attempts", "1"] + extra)
    }

    func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: false, encoding: .utf8) }

    @Test func lockFileThatIsALinkIsRefusedAndItsTargetUntouched() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        try write("precious\n", folder.path + "/victim")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/out/.aqb-report.lock", withDestinationPath: folder.path + "/victim")
        let result = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2024-09-30", "--out", folder.path + "/out", "--db", "dbname=nonexistent_db",
            "--connect-attempts", "1",
        ])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("lock file") && result.stderr.contains("symbolic link"), "\(result.stderr)")
        #expect(try folder.read("victim") == "precious\n")
    }

    @Test func symlinkedYearFolderIsRefusedAndKeepRemovesNothingOutside() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let folder = try TemporaryFolder()
        let out = folder.path + "/out"
        let elsewhere = folder.path + "/elsewhere"
        for name in ["2025-01-31", "2025-02-28", "2025-03-31"] {
            try FileManager.default.createDirectory(atPath: elsewhere + "/" + name, withIntermediateDirectories: true)
            try write("theirs\n", elsewhere + "/" + name + "/data.txt")
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out + "/2024", withDestinationPath: elsewhere)
        let result = try report(database, out, extra: ["--keep", "1"])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("\(out)/2024 is a symbolic link"), "\(result.stderr)")
        #expect(folder.list("elsewhere") == ["2025-01-31", "2025-02-28", "2025-03-31"])
    }

    @Test func keepRemovesALinkInTheYearFolderNotWhatItPointsTo() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let folder = try TemporaryFolder()
        let out = folder.path + "/out"
        try FileManager.default.createDirectory(atPath: folder.path + "/elsewhere/inside", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: out + "/2024", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out + "/2024/2025-01-31", withDestinationPath: folder.path + "/elsewhere")
        let result = try report(database, out, extra: ["--keep", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(folder.list("out/2024") == ["2025-09-30", "latest"])
        #expect(folder.list("elsewhere") == ["inside"])
    }

    @Test func symlinkedOutputBaseIsRefused() throws {
        let database = try TestDatabase()
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/out", withDestinationPath: folder.path + "/real")
        let result = try report(database, folder.path + "/out")
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("is a symbolic link"), "\(result.stderr)")
        #expect(folder.list("real").isEmpty)
    }

    @Test(.enabled(if: isRoot, "handing a folder to another user needs root"))
    func yearFolderOfAnotherUserIsRefused() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: out.path + "/2024", withIntermediateDirectories: true)
        try Shell.run("chown", "nobody", out.path + "/2024")
        let result = try report(database, out.path)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("belongs to user id"), "\(result.stderr)")
        #expect(out.list("2024").isEmpty)
    }

    @Test func latestAsARealFolderIs73BeforeAnyReportIsReplaced() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        #expect(try report(database, out.path).status == 0)
        let before = try out.bytes("2024/2025-09-30/kreise.csv")
        try FileManager.default.removeItem(atPath: out.path + "/2024/latest")
        try FileManager.default.createDirectory(atPath: out.path + "/2024/latest", withIntermediateDirectories: true)
        try database.load("UPDATE aqb.ausgabe SET betrag_eur = betrag_eur + 1")
        let result = try report(database, out.path)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("latest is not a link"), "\(result.stderr)")
        #expect(try out.bytes("2024/2025-09-30/kreise.csv") == before, "the previous report is unchanged")
        #expect(out.list("2024") == ["2025-09-30", "latest"])
    }

    @Test func fileAtTheStichtagIs73AndStays() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: out.path + "/2024", withIntermediateDirectories: true)
        try write("not a report\n", out.path + "/2024/2025-09-30")
        let result = try report(database, out.path)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("is a file, not a report folder"), "\(result.stderr)")
        #expect(try out.read("2024/2025-09-30") == "not a report\n")
    }

    @Test func metricsFileTemporaryNameIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        try write("precious\n", folder.path + "/victim")
        let metrics = folder.path + "/aqb.prom"
        // The name the previous version used: the metrics path, ".tmp-" and the pid.
        try FileManager.default.createSymbolicLink(atPath: metrics + ".tmp-\(getpid())", withDestinationPath: folder.path + "/victim")
        try MetricsFile(path: metrics).write(status: 0, finishedAt: 1_700_000_000, durationMs: 5, perYear: [])
        #expect(try folder.read("victim") == "precious\n")
        #expect(try folder.read("aqb.prom").contains("aqb_report_last_exit_status 0\n"))
        #expect(folder.list().filter { $0.hasPrefix("aqb.prom.tmp") } == ["aqb.prom.tmp-\(getpid())"], "only the planted link remains")
    }

    @Test func metricsFileThatIsALinkIsReplacedNotFollowed() throws {
        let folder = try TemporaryFolder()
        try write("aqb_report_last_success_timestamp_seconds{year=\"2024\"} 42\n", folder.path + "/victim")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/aqb.prom", withDestinationPath: folder.path + "/victim")
        try MetricsFile(path: folder.path + "/aqb.prom").write(status: 73, finishedAt: 1_700_000_000, durationMs: 5, perYear: [])
        #expect(try folder.read("victim") == "aqb_report_last_success_timestamp_seconds{year=\"2024\"} 42\n")
        #expect(FileSystem.readLink(folder.path + "/aqb.prom") == nil, "the link was replaced by a file")
        #expect(!(try folder.read("aqb.prom").contains("42")), "a planted file's values are not taken over")
    }

    @Test func stagingFolderNamesCannotBePredicted() throws {
        let out = try TemporaryFolder()
        let publisher = try ReportPublisher(base: out.path)
        let first = try publisher.stage(year: 2024, folder: "2025-09-30", updatesLatest: true, files: []) { _ in [] }
        let second = try publisher.stage(year: 2024, folder: "2025-09-30", updatesLatest: true, files: []) { _ in [] }
        defer { publisher.discard([first, second]) }
        #expect(first.temporaryName != second.temporaryName)
        #expect(first.temporaryName != ".aqb-tmp-2025-09-30-\(getpid())", "the name the previous version used")
    }

    @Test func aPlantedLinkIsNeverUsedAsAFolderOrFile() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/victim", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.path + "/base", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/base/planted", withDestinationPath: folder.path + "/victim")
        let base = try Directory.open(folder.path + "/base", followLink: false, ownedByUs: true)
        #expect(throws: FileSystem.Failure.self) { _ = try base.makeSubdirectory("planted") }
        #expect(throws: FileSystem.Failure.self) { _ = try base.subdirectory("planted", create: true) }
        #expect(throws: FileSystem.Failure.self) { try base.createFile("planted", [1, 2, 3], sync: false) }
        #expect(folder.list("victim").isEmpty)
    }

    @Test func listsEveryEntryOfAFolderWithManyLongNames() throws {
        let folder = try TemporaryFolder()
        var expected: [String] = []
        for index in 0..<3000 {
            let name = String(format: "%04d", index) + String(repeating: "x", count: 251)
            expected.append(name)
            FileManager.default.createFile(atPath: folder.path + "/" + name, contents: nil)
        }
        let directory = try Directory.open(folder.path, followLink: false, ownedByUs: true)
        #expect(directory.entries() == expected)
    }
}

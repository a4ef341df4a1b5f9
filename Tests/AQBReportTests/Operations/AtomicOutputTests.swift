import Foundation
import Testing

@testable import AQBReport

/// Report folders appear whole or not at all: kill -9 at random moments, full and read-only
/// file systems, odd output bases.
@Suite struct AtomicOutputTests {
    static var isRoot: Bool { getuid() == 0 }

    func report(_ database: TestDatabase, _ out: String, asOf: String = "2025-09-30", extra: [String] = []) throws -> CommandRunner.Outcome
    {
        try CommandRunner.run(
            ["report", "--year", "2024", "--year", "2025", "--as-of", asOf, "--out", out, "--db", database.reportConninfo] + extra)
    }

    @Test func killedAtAnyMomentLeavesTheOldOrTheNewCompleteReport() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        #expect(try report(database, out.path).status == 0)
        // Change the data, so old and new reports differ, then kill runs at random moments.
        try database.load("UPDATE aqb.ausgabe SET betrag_eur = betrag_eur + 1 WHERE id % 7 = 0")
        // Seeded, and the seed printed, so a failure can be repeated: TEST_AQB_SEED=… scripts/test …
        let seed = ProcessInfo.processInfo.environment["TEST_AQB_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max)
        print("killedAtAnyMomentLeavesTheOldOrTheNewCompleteReport: kill delays from TEST_AQB_SEED=\(seed)")
        var generator = SplitMix64(seed: seed)
        for _ in 0..<20 {
            let running = try CommandRunner.Running([
                "report", "--year", "2024", "--year", "2025", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo,
            ])
            usleep(UInt32(generator.below(250_001)))
            running.kill()
            _ = running.finish()
            for year in ["2024", "2025"] {
                let folder = out.path + "/\(year)/2025-09-30"
                #expect(FileManager.default.fileExists(atPath: folder), "the previous report must stay")
                #expect(Manifest.verify(folder: folder).isEmpty, "\(folder) is incomplete or mixed")
                #expect(Manifest.verify(folder: out.path + "/\(year)/latest").isEmpty)
            }
        }
        // The next complete run removes whatever temporary folders the killed ones left.
        #expect(try report(database, out.path).status == 0)
        for year in ["2024", "2025"] {
            #expect(out.list(year) == ["2025-09-30", "latest"], "leftovers: \(out.list(year))")
        }
    }

    @Test(.enabled(if: isRoot, "mounting a small file system needs root"))
    func fullFileSystemIs73AndKeepsThePreviousReport() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        let mount = out.path + "/small"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        // One year's folder (about 1,1 MiB on tmpfs with all formats and the county sheets as
        // Markdown and HTML) fits; a second run's two years do not.
        try Shell.run("mount", "-t", "tmpfs", "-o", "size=1600k", "tmpfs", mount)
        defer { try? Shell.run("umount", mount) }
        let first = try CommandRunner.run([
            "report", "--year", "2024", "--as-of", "2025-09-30", "--out", mount, "--db", database.reportConninfo,
        ])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try report(database, mount, asOf: "2025-10-31")
        #expect(second.status == 73, "\(second.stderr)")
        #expect(second.stderr.contains("free space"))
        #expect(Manifest.verify(folder: mount + "/2024/2025-09-30").isEmpty)
        #expect(FileSystem.readLink(mount + "/2024/latest") == "2025-09-30")
        #expect(!FileManager.default.fileExists(atPath: mount + "/2024/2025-10-31"))
        #expect(!FileManager.default.fileExists(atPath: mount + "/2025/2025-10-31"), "a run publishes all its years or none")
        #expect(out.list("small/2024").allSatisfy { !$0.hasPrefix(".aqb-tmp") })
    }

    @Test(.enabled(if: isRoot, "a read-only mount needs root (root ignores permissions)"))
    func readOnlyOutputIs73() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        let mount = out.path + "/ro"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        try Shell.run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount)
        defer { try? Shell.run("umount", mount) }
        let result = try report(database, mount)
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("not writable"))
    }

    @Test func danglingSymlinkAsOutputIs73() throws {
        let database = try TestDatabase()
        let out = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: out.path + "/reports", withDestinationPath: out.path + "/gone")
        let result = try report(database, out.path + "/reports")
        #expect(result.status == 73)
        #expect(result.stderr.contains("symbolic link to nothing"))
        #expect(!out.exists("gone"))
    }

    @Test func rerunReplacesTheFolderAsAWholeAndLatestFollowsTheNewestStichtag() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        #expect(try report(database, out.path, asOf: "2025-10-31").status == 0)
        #expect(try report(database, out.path, asOf: "2025-09-30").status == 0)
        #expect(FileSystem.readLink(out.path + "/2024/latest") == "2025-10-31", "an older Stichtag does not move latest back")
        FileManager.default.createFile(atPath: out.path + "/2024/2025-09-30/stray.txt", contents: Data())
        #expect(try report(database, out.path, asOf: "2025-09-30").status == 0)
        #expect(!out.exists("2024/2025-09-30/stray.txt"), "a rerun replaces the whole folder")
        #expect(try report(database, out.path, asOf: "2025-09-30", extra: ["--no-disclosure-control"]).status == 0)
        #expect(FileSystem.readLink(out.path + "/2024/latest") == "2025-10-31", "internal reports never become latest")
        #expect(out.list("2024") == ["2025-09-30", "2025-09-30-intern", "2025-10-31", "latest"])
    }

    @Test func keepPrunesOldFoldersButNeverLatest() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        for asOf in ["2025-10-31", "2025-07-31", "2025-08-31", "2025-09-30"] {
            #expect(try report(database, out.path, asOf: asOf, extra: ["--keep", "2"]).status == 0)
        }
        // Newest two by Stichtag are 2025-09-30 and 2025-10-31 (latest).
        #expect(out.list("2024") == ["2025-09-30", "2025-10-31", "latest"])
        #expect(try report(database, out.path, asOf: "2025-01-31", extra: ["--keep", "1"]).status == 0)
        #expect(out.list("2024") == ["2025-10-31", "latest"], "latest survives --keep 1 although a run just wrote another folder")
    }
}

/// Runs a system command for test setup, failing the test on a non-zero status.
///
/// Output goes to a file, not a pipe: a server the command starts may inherit the descriptor,
/// and a pipe would then never report its end.
enum Shell {
    @discardableResult
    static func run(_ arguments: String...) throws -> String {
        let log = NSTemporaryDirectory() + "aqb-shell-" + UUID().uuidString
        FileManager.default.createFile(atPath: log, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw ConfigError("\(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}

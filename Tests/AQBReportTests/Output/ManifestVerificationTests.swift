import Foundation
import Testing

@testable import AQBReport

/// `verify` against a folder someone tampered with: it reads only regular files inside the
/// folder, by plain names, up to a size limit.
@Suite struct ManifestVerificationTests {
    /// A folder with one file and a manifest describing it.
    func folder(_ files: [(String, [UInt8])]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var entries: [Manifest.File] = []
        for (name, bytes) in files {
            FileManager.default.createFile(atPath: folder.path + "/" + name, contents: Data(bytes))
            entries.append(Manifest.File(name: name, size: bytes.count, sha256: SHA256.hex(bytes)))
        }
        try writeManifest(entries, into: folder)
        return folder
    }

    func writeManifest(_ entries: [Manifest.File], into folder: TemporaryFolder) throws {
        let manifest = Manifest(
            version: "test",
            parameters: .init(year: 2024, asOf: "2025-09-30", yearsInRun: [2024], csvFormat: "de", disclosureControl: true),
            database: .init(serverVersion: "17", snapshotAt: "2025-09-30T08:00:00+02:00", newestBuchungstag: nil),
            rowsRead: RowCounts(), files: entries, createdAt: "2025-09-30T08:00:00+02:00", durationMs: 1, warnings: [])
        FileManager.default.createFile(atPath: folder.path + "/manifest.json", contents: Data(try manifest.encoded()))
    }

    @Test func anIntactFolderVerifies() throws {
        let folder = try folder([("kreise.csv", Array("a;b\r\n".utf8))])
        #expect(Manifest.verify(folder: folder.path).isEmpty)
    }

    @Test func aNameOutsideTheFolderIsADifferenceNotARead() throws {
        let outside = try TemporaryFolder()
        let bytes = Array("secret\n".utf8)
        FileManager.default.createFile(atPath: outside.path + "/secret", contents: Data(bytes))
        let folder = try TemporaryFolder()
        // A manifest that names a file outside, with its correct size and hash: only reading it
        // could make it match.
        let relative = "../" + URL(fileURLWithPath: outside.path).lastPathComponent + "/secret"
        try writeManifest([Manifest.File(name: relative, size: bytes.count, sha256: SHA256.hex(bytes))], into: folder)
        let problems = Manifest.verify(folder: folder.path)
        #expect(problems == ["\(relative): not a file name inside the folder; the manifest was altered"])
    }

    @Test func aLinkInsideTheFolderIsNotFollowed() throws {
        let bytes = Array("a;b\r\n".utf8)
        let folder = try folder([("kreise.csv", bytes)])
        let outside = try TemporaryFolder()
        FileManager.default.createFile(atPath: outside.path + "/copy.csv", contents: Data(bytes))
        try FileManager.default.removeItem(atPath: folder.path + "/kreise.csv")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/kreise.csv", withDestinationPath: outside.path + "/copy.csv")
        let problems = Manifest.verify(folder: folder.path)
        #expect(problems.count == 1 && problems[0].contains("kreise.csv is a symbolic link"), "\(problems)")
    }

    @Test func aSpecialFileIsNotRead() throws {
        let folder = try folder([("kreise.csv", Array("a;b\r\n".utf8))])
        try FileManager.default.removeItem(atPath: folder.path + "/kreise.csv")
        #expect(mkfifo(folder.path + "/kreise.csv", 0o644) == 0)
        // Opening a FIFO for reading waits for a writer; verify must not.
        let problems = Manifest.verify(folder: folder.path)
        #expect(problems.count == 1 && problems[0].contains("not a regular file"), "\(problems)")
    }

    @Test func aFileLargerThanTheLimitIsNotRead() throws {
        let folder = try folder([("kreise.csv", Array(repeating: 0x41, count: 4096))])
        let problems = Manifest.verify(folder: folder.path, fileLimit: 1024)
        #expect(problems.count == 1 && problems[0].contains("larger than 1024 bytes"), "\(problems)")
    }
}

import Foundation
import Testing

@testable import AQBReport

/// A year's staging folder written file by file as the renderers produce them
/// (`ReportPublisher.Staging`): the manifest's sizes and hashes are those of the files on disk,
/// and a folder that disappears while a file is written ends the run with a clear error and
/// publishes nothing.
@Suite struct StagingTests {
    static let folderName = "2025-09-30"

    /// A file larger than the writer's buffer, in a subfolder, beside small ones.
    static func write(into staging: inout ReportPublisher.Staging) throws {
        try staging.write("kreise.csv", bytes: Array("ags;name\r\n06411;Darmstadt\r\n".utf8))
        try staging.write("kreise/06411-darmstadt.md") { writer in
            for row in 0..<20_000 { writer.write("| \(row) | Träger „Süd“ \\| e.V. |\n") }
        }
        try staging.write("leer.csv", bytes: [])
    }

    @Test func theManifestHasTheSizeAndHashOfEveryFileOnDisk() throws {
        let base = try TemporaryFolder()
        let publisher = try ReportPublisher(base: base.path, registry: StagingRegistry())
        var staging = try publisher.open(year: 2025, folder: Self.folderName, updatesLatest: false)
        try Self.write(into: &staging)
        var listed: [Manifest.File] = []
        let staged = try publisher.close(staging) { entries in
            listed = entries
            return Array("{}".utf8)
        }
        try publisher.publish([staged])
        #expect(listed.map(\.name) == ["kreise.csv", "kreise/06411-darmstadt.md", "leer.csv"])
        for entry in listed {
            let bytes = try base.bytes("2025/\(Self.folderName)/\(entry.name)")
            #expect(entry.size == bytes.count, "\(entry.name)")
            #expect(entry.sha256 == SHA256.hex(bytes), "\(entry.name)")
        }
        #expect(try base.bytes("2025/\(Self.folderName)/kreise/06411-darmstadt.md").count > FileWriter.bufferSize)
    }

    /// What the run does when a stage fails: the error goes up, the staging folder is discarded
    /// (`ReportRunner`, `PublishStage.discard`), and readers see no folder at all.
    @Test func aFolderRemovedWhileAFileIsWrittenIsAnErrorAndNothingIsPublished() throws {
        let base = try TemporaryFolder()
        let publisher = try ReportPublisher(base: base.path, registry: StagingRegistry())
        var staging = try publisher.open(year: 2025, folder: Self.folderName, updatesLatest: false)
        let temporary = base.path + "/2025/" + staging.folder.temporaryName
        let failure = #expect(throws: ReportError.self) {
            try staging.write("auffaelligkeiten.csv") { writer in
                writer.write([UInt8](repeating: 0x41, count: FileWriter.bufferSize * 2))
                // Someone removes the folder under the running report.
                try? FileManager.default.removeItem(atPath: temporary)
                writer.write([UInt8](repeating: 0x42, count: FileWriter.bufferSize * 2))
            }
            // The file in hand is gone with its folder; the next one cannot be created.
            try staging.write("projekte.csv", bytes: Array("ags\r\n".utf8))
        }
        #expect(failure?.status == .cantCreate)
        let message = failure?.message ?? ""
        #expect(message.contains("cannot write the report: create \(temporary)/projekte.csv"), "\(message)")
        #expect(message.hasSuffix("The previous report is unchanged."), "\(message)")
        publisher.discard([staging.folder])
        #expect(base.list("2025") == [])
    }

    /// A folder removed after the last data file: the manifest cannot be written, so the year is
    /// never staged.
    @Test func aFolderRemovedBeforeTheManifestIsAnErrorAndNothingIsPublished() throws {
        let base = try TemporaryFolder()
        let publisher = try ReportPublisher(base: base.path, registry: StagingRegistry())
        var staging = try publisher.open(year: 2025, folder: Self.folderName, updatesLatest: false)
        try Self.write(into: &staging)
        try FileManager.default.removeItem(atPath: base.path + "/2025/" + staging.folder.temporaryName)
        let failure = #expect(throws: ReportError.self) { _ = try publisher.close(staging) { _ in Array("{}".utf8) } }
        #expect(failure?.status == .cantCreate)
        #expect(failure?.message.contains("manifest.json") == true, "\(failure?.message ?? "")")
        publisher.discard([staging.folder])
        #expect(base.list("2025") == [])
    }
}

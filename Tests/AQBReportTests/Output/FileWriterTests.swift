import Foundation
import Testing

@testable import AQBReport

#if canImport(Glibc)
    import Glibc
#endif

/// The writer every file of a report goes through: what reaches the disk is exactly what the
/// renderers handed it, in order, whatever the pieces' sizes against its buffer; the hash for the
/// manifest is the hash of those bytes; and a failed write is reported, never lost.
@Suite struct FileWriterTests {
    /// Pieces around the buffer's size: tiny ones, one that fills the buffer to the byte, one
    /// larger than the buffer, and text with multi-byte characters split across buffers.
    static func pieces() -> [[UInt8]] {
        var pieces: [[UInt8]] = [[], Array("a".utf8)]
        pieces.append([UInt8](repeating: 0x41, count: FileWriter.bufferSize - 1))
        pieces.append([UInt8](repeating: 0x42, count: FileWriter.bufferSize * 3 + 17))
        for index in 0..<5_000 { pieces.append(Array("Zeile \(index); Träger „Nord“ ✓\r\n".utf8)) }
        pieces.append([UInt8](repeating: 0x43, count: FileWriter.bufferSize))
        return pieces
    }

    @Test func theFileOnDiskIsWhatWasWrittenAndItsHashMatches() throws {
        let folder = try TemporaryFolder()
        let directory = try Directory.open(folder.path, followLink: false, ownedByUs: true)
        let writer = try directory.createWriter("datei.csv")
        let pieces = Self.pieces()
        for (index, piece) in pieces.enumerated() {
            // Both ways in: as bytes and as text.
            if index % 2 == 0 { writer.write(piece) } else { writer.write(String(decoding: piece, as: UTF8.self)) }
        }
        let written = try writer.finish()
        let expected = pieces.flatMap { $0 }
        let onDisk = try folder.bytes("datei.csv")
        #expect(onDisk == expected)
        #expect(written.size == onDisk.count)
        #expect(written.sha256 == SHA256.hex(onDisk))
    }

    @Test func aWriterInMemoryCollectsTheSameBytesAndHash() throws {
        let writer = FileWriter.memory()
        let pieces = Self.pieces()
        for piece in pieces { writer.write(piece) }
        let written = try writer.finish()
        let expected = pieces.flatMap { $0 }
        #expect(writer.bytes == expected)
        #expect(written.size == expected.count && written.sha256 == SHA256.hex(expected))
    }

    /// `/dev/full` fails every write with ENOSPC, as a full disk does in the middle of a file.
    @Test func aWriteThatFailsIsReportedByFinishAndNothingAfterItIsWritten() throws {
        let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        let writer = FileWriter(descriptor: descriptor, path: "/staging/auffaelligkeiten.csv")
        writer.write([UInt8](repeating: 0x41, count: FileWriter.bufferSize * 2))
        writer.write("more after the failure")
        let failure = #expect(throws: FileSystem.Failure.self) { _ = try writer.finish() }
        #expect(failure?.code == ENOSPC)
        #expect(failure?.description == "write /staging/auffaelligkeiten.csv: No space left on device")
        // What the run makes of it: one line that says what to do, and that nothing changed.
        let message = failure.map { ReportPublisher.outputError($0).message } ?? ""
        #expect(message.contains("free space on that file system"), "\(message)")
        #expect(message.hasSuffix("The previous report is unchanged."), "\(message)")
    }

    @Test func aFileIsOnlyEverCreatedNewNeverThroughALink() throws {
        let folder = try TemporaryFolder()
        let directory = try Directory.open(folder.path, followLink: false, ownedByUs: true)
        let target = folder.path + "/elsewhere"
        FileManager.default.createFile(atPath: target, contents: Data("theirs".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/bericht.md", withDestinationPath: target)
        let failure = #expect(throws: FileSystem.Failure.self) { _ = try directory.createWriter("bericht.md") }
        #expect(failure?.code == EEXIST)
        #expect(try folder.read("elsewhere") == "theirs")
    }
}

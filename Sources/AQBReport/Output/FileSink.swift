/// Where a renderer's files go: each one written piece by piece through a `FileWriter`.
///
/// Why a protocol: the run writes into the year's staging folder (`ReportPublisher.Staging`),
/// tests want the same bytes in memory (`MemoryFiles`); the renderers write the same way into
/// both, so what a test reads is what the folder gets.
public protocol FileSink {
    /// Creates the file `name` (at most one folder deep: `kreise/<ags>-<slug>.md`) for writing.
    /// Finish it with `finish`; a sink may hold several files open at once (`ReportDocuments`
    /// writes a sheet's Markdown and its HTML side by side).
    mutating func create(_ name: String) throws(ReportError) -> FileWriter

    /// Closes the file `create` opened as `name`, reports any failure of its writes, and returns
    /// its manifest entry. With `record`, the entry goes into the manifest's list now; without,
    /// the caller records it later (`record`), so that files written side by side keep the
    /// manifest's order of formats.
    @discardableResult
    mutating func finish(_ writer: FileWriter, name: String, record: Bool) throws(ReportError) -> Manifest.File

    /// Adds the entry of a file finished with `record: false`.
    mutating func record(_ file: Manifest.File)
}

extension FileSink {
    /// Creates the file `name`, lets `content` write it, finishes and records it.
    @discardableResult
    public mutating func write(_ name: String, _ content: (FileWriter) throws(ReportError) -> Void) throws(ReportError) -> Manifest.File {
        let writer = try create(name)
        try content(writer)
        return try finish(writer, name: name, record: true)
    }

    /// A file whose bytes are already in memory (the small ones: `vorjahr.csv`, the charts).
    @discardableResult
    public mutating func write(_ name: String, bytes: [UInt8]) throws(ReportError) -> Manifest.File {
        try write(name) { $0.write(bytes) }
    }
}

/// Files kept in memory, in the order they were recorded: what a renderer would write into a
/// folder, for tests and for `ReportRenderer.files(for:)`.
public struct MemoryFiles: FileSink {
    public private(set) var files: [(name: String, bytes: [UInt8])] = []
    /// Files finished with `record: false`, until they are recorded.
    private var pending: [String: [UInt8]] = [:]

    public init() {}

    public mutating func create(_ name: String) throws(ReportError) -> FileWriter { FileWriter.memory(name) }

    @discardableResult
    public mutating func finish(_ writer: FileWriter, name: String, record: Bool) throws(ReportError) -> Manifest.File {
        let written: (size: Int, sha256: String)
        do throws(FileSystem.Failure) { written = try writer.finish() } catch { throw ReportPublisher.outputError(error) }
        if record { files.append((name, writer.bytes)) } else { pending[name] = writer.bytes }
        return Manifest.File(name: name, size: written.size, sha256: written.sha256)
    }

    public mutating func record(_ file: Manifest.File) {
        if let bytes = pending.removeValue(forKey: file.name) { files.append((file.name, bytes)) }
    }
}

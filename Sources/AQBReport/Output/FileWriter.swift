#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One file written piece by piece: the renderers hand it text as they produce it, it keeps a
/// small buffer, writes whole buffers to the file and hashes what it writes for the manifest.
///
/// Why: a year's largest files (`auffaelligkeiten.csv`, `projekte.csv`, the county sheets) ran
/// to tens of megabytes with 100,000 findings, and a renderer that returned each file as one
/// string held them all, and copies of them, until they were written (issue 19). Written this
/// way, a file costs the buffer, whatever its size.
///
/// The file itself is always one `Directory` created (`Directory.createWriter`: `openat` with
/// `O_EXCL | O_NOFOLLOW` in the staging folder), so the guarantees of the folder hold. A write
/// that fails is remembered and reported by `finish`, the one place a caller has to check: the
/// renderers write without a `try` on every line, and nothing after a failure reaches the file.
/// `memory()` collects the bytes instead, for tests and for callers that want the text.
public final class FileWriter {
    private enum Target {
        case file(descriptor: Int32)
        case memory
    }

    private var target: Target
    /// The file's path, for messages.
    let path: String
    private var buffer: [UInt8] = []
    private var collected: [UInt8] = []
    private let hasher = SHA256.Hasher()
    /// Bytes handed to the writer so far.
    private(set) var size = 0
    private var failure: FileSystem.Failure?
    private var finished = false

    /// How much is buffered before a `write(2)`: large enough that a file of megabytes takes a
    /// few hundred calls, small enough not to matter for memory.
    static let bufferSize = 64 * 1024

    /// A writer that owns `descriptor` (closed by `finish`, or when the writer goes away).
    init(descriptor: Int32, path: String) {
        target = .file(descriptor: descriptor)
        self.path = path
        buffer.reserveCapacity(FileWriter.bufferSize)
    }

    private init(memoryNamed path: String) {
        target = .memory
        self.path = path
    }

    /// A writer that keeps the bytes in memory (`bytes`), for tests and small texts.
    public static func memory(_ name: String = "") -> FileWriter { FileWriter(memoryNamed: name) }

    deinit {
        if case .file(let descriptor) = target, !finished { close(descriptor) }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !finished, bytes.count > 0 else { return }
        size += bytes.count
        if buffer.count + bytes.count <= FileWriter.bufferSize {
            buffer.append(contentsOf: bytes)
            return
        }
        flush()
        if bytes.count >= FileWriter.bufferSize {
            emit(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes what is buffered, closes the file and returns its size and SHA-256; throws the
    /// first failure of any write, or of closing. The bytes of a `memory()` writer stay in
    /// `bytes`.
    func finish() throws(FileSystem.Failure) -> (size: Int, sha256: String) {
        guard !finished else { throw FileSystem.Failure(operation: "write", path: path, code: EBADF) }
        flush()
        finished = true
        if case .file(let descriptor) = target, close(descriptor) != 0, failure == nil {
            failure = FileSystem.Failure(operation: "close", path: path, code: errno)
        }
        if let failure { throw failure }
        return (size, hasher.finish())
    }

    /// Everything written so far, for a `memory()` writer; empty for a file.
    public var bytes: [UInt8] {
        guard case .memory = target else { return [] }
        return collected + buffer
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { emit($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hands `bytes` to the target and the hash, in the order they reach the file.
    private func emit(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        hasher.update(bytes)
        switch target {
        case .memory:
            collected.append(contentsOf: bytes)
        case .file(let descriptor):
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = FileSystem.Failure(operation: "write", path: path, code: errno)
                    return
                }
                offset += written
            }
        }
    }
}

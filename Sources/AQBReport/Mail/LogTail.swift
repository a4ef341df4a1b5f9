import Foundation
import Logging
import Synchronization

/// Keeps the last lines the run logged, so the failure alert can quote them.
///
/// A `LogHandler` beside the one that writes stderr (`MultiplexLogHandler`): it sees the same
/// lines at the same level. One buffer per process, because a run is one process.
public struct LogTail: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String

    public init(label: String) { self.label = label }

    static let capacity = 20
    private static let buffer = Mutex<[String]>([])

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let text = "\(BerlinTime.iso(Date())) \(event.level) \(label): \(event.message)"
        LogTail.buffer.withLock { lines in
            lines.append(text)
            if lines.count > LogTail.capacity { lines.removeFirst(lines.count - LogTail.capacity) }
        }
    }

    /// The lines kept so far, oldest first, passwords masked by shape.
    public static var lines: [String] { buffer.withLock { $0 }.map(ConnectionString.maskedByShape) }
}

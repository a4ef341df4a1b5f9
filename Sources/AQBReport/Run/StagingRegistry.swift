import Synchronization

/// The staging folders of the running report, so that a SIGTERM or SIGINT can remove them before
/// the process exits, instead of leaving them for the next run.
///
/// Publishing holds the same mutex while it swaps folders in: a stop never removes a folder
/// that is half renamed, so the output holds the old or the new complete report.
final class StagingRegistry: Sendable {
    static let shared = StagingRegistry()

    init() {}

    private struct Entry: Sendable {
        let directory: Directory
        let name: String
    }

    private let entries = Mutex<[String: Entry]>([:])

    func add(_ directory: Directory, _ name: String) {
        entries.withLock { $0[directory.child(name)] = Entry(directory: directory, name: name) }
    }

    func remove(_ directory: Directory, _ name: String) { entries.withLock { _ = $0.removeValue(forKey: directory.child(name)) } }

    /// Runs `body` (publishing) while no stop can remove a staging folder; `body` gets a function
    /// that forgets a folder it has published.
    func whileHeld<R, E: Error>(_ body: (_ forget: (Directory, String) -> Void) throws(E) -> R) throws(E) -> R {
        try entries.withLock { current throws(E) in
            try body { directory, name in current.removeValue(forKey: directory.child(name)) }
        }
    }

    /// Removes every staging folder still registered and returns their paths.
    func removeAll() -> [String] {
        entries.withLock { current in
            for entry in current.values { entry.directory.remove(entry.name) }
            defer { current.removeAll() }
            return current.keys.sorted()
        }
    }
}

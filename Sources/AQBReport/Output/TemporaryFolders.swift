import Foundation
import Synchronization

/// The temporary folders of the running process (libxlsxwriter writes the workbook into one), so
/// that a stop by a signal removes them: the handler ends the process, and no `deinit` runs
/// then, which left an empty `aqb-xlsx-…` folder in `/tmp` for every run stopped while its
/// workbook was written.
final class TemporaryFolders: Sendable {
    static let shared = TemporaryFolders()

    init() {}

    private let paths = Mutex<Set<String>>([])

    func add(_ path: String) { paths.withLock { _ = $0.insert(path) } }

    func remove(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Removes every folder still registered with the files in it and returns their paths. Only
    /// this process made them (`mkdtemp`, mode 0700) and only libxlsxwriter writes into them,
    /// so their files are its own and there are no subfolders.
    func removeAll() -> [String] {
        paths.withLock { current in
            for path in current {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { unlink(path + "/" + name) }
                rmdir(path)
            }
            defer { current.removeAll() }
            return current.sorted()
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps two runs from writing the same output base at once: an exclusive `flock` on
/// `<out>/.aqb-report.lock`, held for the life of this value.
///
/// `flock` is released by the kernel when the process dies, even by `kill -9`, so a crashed run
/// never leaves a stale lock behind. The file holds the holder's pid and start time, so the
/// second run can say who is running.
///
/// The file is opened relative to the output base's descriptor with `O_NOFOLLOW`, and must be a
/// regular file of this user with no other name: the run truncates and writes it, and must never
/// do that to a file someone linked there (`ln -s victim OUT/.aqb-report.lock`).
public final class RunLock {
    private let fd: Int32
    public static let fileName = ".aqb-report.lock"

    /// Opens the output base by path first; for tests and callers without a `Directory`.
    public convenience init(base: String, description: String) throws(ReportError) {
        let directory: Directory
        do { directory = try Directory.open(base, followLink: false, ownedByUs: true) } catch {
            throw ReportPublisher.outputError(error)
        }
        try self.init(base: directory, description: description)
    }

    public init(base: Directory, description: String) throws(ReportError) {
        let path = base.child(RunLock.fileName)
        let fd = openat(base.fd, RunLock.fileName, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            if base.kind(RunLock.fileName) == .link {
                throw ReportError(
                    .cantCreate,
                    "the lock file \(path) is a symbolic link; remove it (aqb-report creates its own lock file and follows no links).")
            }
            throw ReportError(
                .cantCreate,
                "cannot create the lock file \(path): \(String(cString: strerror(code))); check the permissions of the output folder.")
        }
        var info = stat()
        let problem: String? =
            if fstat(fd, &info) != 0 { String(cString: strerror(errno)) } else if (info.st_mode & S_IFMT) != S_IFREG {
                "it is not a regular file"
            } else if info.st_uid != geteuid() {
                "it belongs to user id \(info.st_uid), not to this user"
            } else if info.st_nlink != 1 { "it has other names (hard links)" } else { nil }
        if let problem {
            close(fd)
            throw ReportError(.cantCreate, "refusing the lock file \(path): \(problem); remove it, the next run creates a new one.")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = RunLock.contents(fd).trimmingWhitespace
            close(fd)
            let who = holder.isEmpty ? "another run" : holder
            throw ReportError(
                .locked,
                "another aqb-report run is writing to \(base.path) (\(who)); wait for it to finish, this run exits without writing.")
        }
        self.fd = fd
        ftruncate(fd, 0)
        let text = Array(description.utf8)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// The holder's line, read through the descriptor already checked (at most 4 KiB).
    private static func contents(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }
}

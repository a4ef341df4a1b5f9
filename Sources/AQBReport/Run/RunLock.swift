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
public final class RunLock {
    private let fd: Int32
    public static let fileName = ".aqb-report.lock"

    public init(base: String, description: String) throws(ReportError) {
        let path = base + "/" + RunLock.fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ReportError(
                .cantCreate,
                "cannot create the lock file \(path): \(String(cString: strerror(errno))); check the permissions of the output folder.")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? FileSystem.readFile(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            close(fd)
            let who = holder.trimmingWhitespace.isEmpty ? "another run" : holder.trimmingWhitespace
            throw ReportError(
                .locked, "another aqb-report run is writing to \(base) (\(who)); wait for it to finish, this run exits without writing.")
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
}

extension String {
    var trimmingWhitespace: String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

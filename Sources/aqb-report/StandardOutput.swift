#if canImport(Glibc)
    import Glibc
#endif

/// stdout, written without stdio's buffer, so a failed write is seen where it happens.
///
/// Why: SIGPIPE is ignored (`AQBReportCommand.main`), so a reader that went away is an EPIPE
/// here instead of the death of a run that has already published its reports (status 141).
enum StandardOutput {
    /// Writes one line per entry; returns why it failed (`Broken pipe`), or `nil`.
    static func writeLines(_ lines: [String]) -> String? {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return String(cString: strerror(errno)) }
            written += count
        }
        return nil
    }
}

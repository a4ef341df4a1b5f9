#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Errors and the few path-based calls that remain: creating the output base's parents and
/// reading a link for tests. Everything inside the output base goes through `Directory`.
public enum FileSystem {
    /// A failed file operation, naming the path.
    public struct Failure: Error, CustomStringConvertible {
        let operation: String
        let path: String
        let code: Int32
        /// Set when the report refuses rather than fails: a link, a file or another user's folder
        /// where its own folder belongs. The text says what is wrong and what to do.
        var refusal: String?

        init(operation: String, path: String, code: Int32, refusal: String? = nil) {
            self.operation = operation
            self.path = path
            self.code = code
            self.refusal = refusal
        }

        public var description: String { refusal ?? "\(operation) \(path): \(String(cString: strerror(code)))" }
        /// ENOSPC, EDQUOT: the disk is full.
        var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
    }

    /// What a path or an entry is, links not followed.
    enum Kind: Equatable {
        case missing, directory, file, link, other

        init(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFDIR: self = .directory
            case S_IFREG: self = .file
            case S_IFLNK: self = .link
            default: self = .other
            }
        }
    }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        return Kind(mode: info.st_mode)
    }

    /// Turns a failed open into a refusal when a link or a non-folder is in the way.
    static func classify(code: Int32, path: String, kind: Kind, operation: String) -> Failure {
        switch kind {
        case .link:
            return Failure(
                operation: operation, path: path, code: code,
                refusal:
                    "\(path) is a symbolic link; aqb-report follows no links in its output. Replace it by a real folder of the report's user, or remove it."
            )
        case .file where code == ENOTDIR, .other where code == ENOTDIR:
            return Failure(
                operation: operation, path: path, code: code, refusal: "\(path) is not a folder; move it away or choose another --out.")
        default:
            return Failure(operation: operation, path: path, code: code)
        }
    }

    /// Creates one folder by path; an existing folder is fine.
    static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(operation: "create folder", path: path, code: errno) }
    }

    /// The target of a link; `nil` when `path` is not one.
    public static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

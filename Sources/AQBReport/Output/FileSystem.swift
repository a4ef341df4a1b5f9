import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX file operations atomic publishing needs, with errors that name the path.
///
/// Foundation's `FileManager` neither fsyncs nor exchanges directories; publishing a report that
/// survives a crash or a power cut needs both.
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        let operation: String
        let path: String
        let code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code)))" }
        /// ENOSPC, EDQUOT: the disk is full.
        var isDiskFull: Bool { code == ENOSPC || code == EDQUOT }
    }

    enum Kind { case missing, directory, file, danglingLink, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        if stat(path, &info) == 0 {
            return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : ((info.st_mode & S_IFMT) == S_IFREG ? .file : .other)
        }
        if lstat(path, &info) == 0 { return .danglingLink }
        return .missing
    }

    static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(operation: "create folder", path: path, code: errno) }
        guard kind(path) == .directory else { throw Failure(operation: "create folder", path: path, code: ENOTDIR) }
    }

    /// Writes a whole file; with `sync`, fsyncs it too. (Report folders are made durable all at
    /// once by `syncFileSystem` instead: one call rather than one fsync per file.)
    static func writeFile(_ path: String, _ bytes: [UInt8], sync: Bool = true) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(operation: "create", path: path, code: errno) }
        var failure: Failure?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = Failure(operation: "write", path: path, code: errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, sync, fsync(fd) != 0 { failure = Failure(operation: "fsync", path: path, code: errno) }
        if close(fd) != 0, failure == nil { failure = Failure(operation: "close", path: path, code: errno) }
        if let failure { throw failure }
    }

    static func readFile(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(operation: "read", path: path, code: errno)
            }
            if count == 0 { break }
            result += buffer[0..<count]
        }
        return result
    }

    /// fsyncs a directory so that a rename inside it is durable.
    static func syncDirectory(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(operation: "fsync", path: path, code: errno) }
    }

    /// Flushes the whole file system that holds `path` (Linux `syncfs`).
    static func syncFileSystem(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open", path: path, code: errno) }
        defer { close(fd) }
        guard aqb_syncfs(fd) == 0 else { throw Failure(operation: "sync", path: path, code: errno) }
    }

    static func rename(_ from: String, _ to: String) throws(Failure) {
        guard Glibc.rename(from, to) == 0 else { throw Failure(operation: "rename to", path: to, code: errno) }
    }

    /// Swaps two existing paths in one step.
    static func exchange(_ first: String, _ second: String) throws(Failure) {
        guard aqb_rename_exchange(first, second) == 0 else { throw Failure(operation: "replace", path: second, code: errno) }
    }

    static func symlink(target: String, at path: String) throws(Failure) {
        guard Glibc.symlink(target, path) == 0 else { throw Failure(operation: "link", path: path, code: errno) }
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func entries(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes a file, a link or a whole folder tree; missing is fine.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in entries(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}

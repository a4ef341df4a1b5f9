import CShims

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder opened once and then used through its descriptor: everything inside it is created,
/// opened, renamed and removed relative to that descriptor, and no link inside it is followed.
///
/// Why: the output base may sit where other users can write. A path is looked up anew by every
/// call, so another user can swap a component for a symbolic link between a check and a write
/// (and have the report, a truncation or a recursive removal land in a folder of their choice).
/// A descriptor keeps pointing at the folder that was checked; `O_NOFOLLOW` and `O_EXCL` make sure
/// every file written is one this run created itself.
///
/// `Sendable`: the descriptor never changes, and the kernel serialises the calls made with it.
public final class Directory: Sendable {
    let fd: Int32
    /// The path the folder was opened by, for messages only.
    public let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Opens a folder the operator named. With `followLink`, a link at `path` is followed (`verify
    /// reports/2025/latest`); without, it is refused. With `ownedByUs`, a folder owned by another
    /// user is refused too: whoever owns a folder can swap what is in it.
    public static func open(_ path: String, followLink: Bool, ownedByUs: Bool) throws(FileSystem.Failure) -> Directory {
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW)
        let fd = Glibc.open(path, flags)
        guard fd >= 0 else {
            let code = errno
            throw FileSystem.classify(code: code, path: path, kind: FileSystem.kind(path), operation: "open folder")
        }
        let directory = Directory(fd: fd, path: path)
        if ownedByUs { try directory.checkOwner() }
        return directory
    }

    /// Opens the folder `name` inside this one, creating it (mode 0755) first when `create` is
    /// set. A link, a file or a folder of another user in its place is refused; reading someone
    /// else's report (`verify`) passes `ownedByUs: false`, and a link is still refused.
    func subdirectory(_ name: String, create: Bool, ownedByUs: Bool = true) throws(FileSystem.Failure) -> Directory {
        if create, mkdirat(fd, name, 0o755) != 0, errno != EEXIST {
            throw FileSystem.Failure(operation: "create folder", path: child(name), code: errno)
        }
        return try openSubdirectory(name, ownedByUs: ownedByUs)
    }

    /// Creates the folder `name`, which must not exist yet, and opens it. An existing entry of
    /// that name (a link planted by someone else) is a failure, never reused.
    func makeSubdirectory(_ name: String) throws(FileSystem.Failure) -> Directory {
        guard mkdirat(fd, name, 0o755) == 0 else { throw FileSystem.Failure(operation: "create folder", path: child(name), code: errno) }
        return try openSubdirectory(name)
    }

    private func openSubdirectory(_ name: String, ownedByUs: Bool = true) throws(FileSystem.Failure) -> Directory {
        let sub = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard sub >= 0 else {
            let code = errno
            throw FileSystem.classify(code: code, path: child(name), kind: kind(name), operation: "open folder")
        }
        let directory = Directory(fd: sub, path: child(name))
        if ownedByUs { try directory.checkOwner() }
        return directory
    }

    /// Refuses a folder that belongs to another user.
    private func checkOwner() throws(FileSystem.Failure) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileSystem.Failure(operation: "inspect", path: path, code: errno) }
        guard info.st_uid == geteuid() else {
            throw FileSystem.Failure(
                operation: "open folder", path: path, code: EPERM,
                refusal:
                    "\(path) belongs to user id \(info.st_uid), not to this user (\(geteuid())); its owner could swap its contents. Give the report a folder of its own user."
            )
        }
    }

    /// Replaces the file `name` atomically: `bytes` go into a new file under a name nobody can
    /// guess, which is fsynced, renamed over `name`, and the folder fsynced. A crash at any moment
    /// leaves the old file or the new one, never half of one; on failure the new file is removed
    /// and the old one stays. Call only while holding the run lock.
    func replaceFile(_ name: String, _ bytes: [UInt8]) throws(FileSystem.Failure) {
        var temporary = Directory.unguessableName(name + ".tmp-")
        while true {
            do throws(FileSystem.Failure) {
                try createFile(temporary, bytes, sync: true)
                break
            } catch  where error.code == EEXIST {
                temporary = Directory.unguessableName(name + ".tmp-")
            }
        }
        do {
            try rename(temporary, to: name)
            try sync()
        } catch {
            remove(temporary)
            throw error
        }
    }

    /// Creates the file `name`, which must not exist (`O_EXCL`, never through a link), and writes
    /// `bytes`; with `sync`, fsyncs it.
    func createFile(_ name: String, _ bytes: [UInt8], sync: Bool) throws(FileSystem.Failure) {
        let file = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw FileSystem.Failure(operation: "create", path: child(name), code: errno) }
        var failure: FileSystem.Failure?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(file, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = FileSystem.Failure(operation: "write", path: child(name), code: errno)
                    return
                }
                offset += written
            }
        }
        if failure == nil, sync, fsync(file) != 0 { failure = FileSystem.Failure(operation: "fsync", path: child(name), code: errno) }
        if close(file) != 0, failure == nil { failure = FileSystem.Failure(operation: "close", path: child(name), code: errno) }
        if let failure {
            // A disk that filled up left 0-byte temporary files of the metrics and the mail
            // state behind: the file is ours (O_EXCL), so it goes.
            unlinkat(fd, name, 0)
            throw failure
        }
    }

    /// Creates the file `name`, which must not exist (`O_EXCL`, never through a link), for writing
    /// piece by piece (`FileWriter`, which closes it). Nothing is fsynced: the staging folder is
    /// made durable as a whole (`ReportPublisher.publish`, `syncfs`).
    func createWriter(_ name: String) throws(FileSystem.Failure) -> FileWriter {
        let file = openat(fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw FileSystem.Failure(operation: "create", path: child(name), code: errno) }
        return FileWriter(descriptor: file, path: child(name))
    }

    /// Reads the regular file `name`, at most `limit` bytes. A link, a device, a FIFO or a larger
    /// file is refused before anything is read (`O_NONBLOCK`: opening a FIFO does not wait).
    func readFile(_ name: String, limit: Int) throws(FileSystem.Failure) -> [UInt8] {
        let file = openat(fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard file >= 0 else {
            let code = errno
            throw FileSystem.classify(code: code, path: child(name), kind: kind(name), operation: "open")
        }
        defer { close(file) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw FileSystem.Failure(operation: "inspect", path: child(name), code: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw FileSystem.Failure(operation: "open", path: child(name), code: EINVAL, refusal: "\(child(name)) is not a regular file")
        }
        guard Int(info.st_size) <= limit else {
            throw FileSystem.Failure(
                operation: "open", path: child(name), code: EFBIG, refusal: "\(child(name)) is larger than \(limit) bytes")
        }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw FileSystem.Failure(operation: "read", path: child(name), code: errno)
            }
            if count == 0 { break }
            guard result.count + count <= limit else {
                throw FileSystem.Failure(
                    operation: "read", path: child(name), code: EFBIG, refusal: "\(child(name)) is larger than \(limit) bytes")
            }
            result += buffer[0..<count]
        }
        return result
    }

    /// What `name` is, without following a link.
    func kind(_ name: String) -> FileSystem.Kind {
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        return FileSystem.Kind(mode: info.st_mode)
    }

    /// The target of the link `name`; `nil` when it is not a link.
    func readLink(_ name: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlinkat(fd, name, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func symlink(target: String, name: String) throws(FileSystem.Failure) {
        guard symlinkat(target, fd, name) == 0 else { throw FileSystem.Failure(operation: "link", path: child(name), code: errno) }
    }

    /// Renames `from` to `to` inside this folder; an existing `to` (file or link) is replaced, not followed.
    func rename(_ from: String, to: String) throws(FileSystem.Failure) {
        guard renameat(fd, from, fd, to) == 0 else { throw FileSystem.Failure(operation: "rename to", path: child(to), code: errno) }
    }

    /// Swaps two existing entries of this folder in one step.
    func exchange(_ first: String, _ second: String) throws(FileSystem.Failure) {
        guard aqb_renameat_exchange(fd, first, fd, second) == 0 else {
            throw FileSystem.Failure(operation: "replace", path: child(second), code: errno)
        }
    }

    /// Removes `name`: a file, a link (the link, never its target) or a whole folder tree.
    /// Missing is fine. Folders are entered by descriptor with `O_NOFOLLOW`, so a link swapped in
    /// while removing leads nowhere outside.
    /// Returns whether `name` is gone afterwards: a folder of another user is not entered (its
    /// owner could swap its contents), so it and the folders around it stay.
    @discardableResult
    func remove(_ name: String) -> Bool {
        switch kind(name) {
        case .missing: return true
        case .directory:
            if let sub = try? openSubdirectory(name) {
                for entry in sub.entries() { sub.remove(entry) }
            }
            unlinkat(fd, name, AT_REMOVEDIR)
        default:
            unlinkat(fd, name, 0)
        }
        return kind(name) == .missing
    }

    /// The names in this folder, sorted, without `.` and `..`.
    func entries() -> [String] {
        let copy = dup(fd)
        guard copy >= 0 else { return [] }
        guard let stream = fdopendir(copy) else {
            close(copy)
            return []
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = String(cString: aqb_dirent_name(entry))
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// fsyncs the folder, so that a rename inside it is durable.
    func sync() throws(FileSystem.Failure) {
        guard fsync(fd) == 0 else { throw FileSystem.Failure(operation: "fsync", path: path, code: errno) }
    }

    /// Flushes the whole file system that holds this folder (Linux `syncfs`).
    func syncFileSystem() throws(FileSystem.Failure) {
        guard aqb_syncfs(fd) == 0 else { throw FileSystem.Failure(operation: "sync", path: path, code: errno) }
    }

    /// Whether this user may create entries here (a read-only mount says no).
    var isWritable: Bool { faccessat(fd, ".", W_OK | X_OK, 0) == 0 }

    /// A name in this folder as a path, for messages.
    func child(_ name: String) -> String { path + "/" + name }

    /// A name no one can guess, for temporary entries created with `O_EXCL`: `<prefix><pid>-<random>`.
    static func unguessableName(_ prefix: String) -> String {
        prefix + String(getpid()) + "-" + String(UInt64.random(in: .min ... .max), radix: 16)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Publishes report folders so that readers only ever see complete ones.
///
/// Each folder is written under a temporary name beside its final place (same file system),
/// made durable (`syncfs`), then swapped in with one `renameat2(RENAME_EXCHANGE)`; the previous
/// folder, now under the temporary name, is removed afterwards. A crash at any moment leaves the old or
/// the new complete folder in place; leftovers are removed by the next run. `latest` is a
/// symlink replaced by `rename`, equally atomic.
public struct ReportPublisher {
    public let base: String
    static let temporaryPrefix = ".aqb-tmp-"
    public static let latestName = "latest"

    /// Checks the output base and creates it when missing.
    public init(base: String) throws(ReportError) {
        self.base = base
        switch FileSystem.kind(base) {
        case .directory: break
        case .missing:
            do { try ReportPublisher.makeDirectories(base) } catch { throw ReportPublisher.outputError(error) }
        case .file, .other:
            throw ReportError(.cantCreate, "output folder \(base) is a file, not a folder; choose another --out or move the file away.")
        case .danglingLink:
            throw ReportError(.cantCreate, "output folder \(base) is a symbolic link to nothing; fix the link or choose another --out.")
        }
        guard access(base, W_OK | X_OK) == 0 else {
            throw ReportError(
                .cantCreate, "output folder \(base) is not writable for this user; fix its permissions or choose another --out.")
        }
    }

    /// Removes temporary folders an interrupted run left behind. Call only while holding the run lock.
    public func removeLeftovers() {
        for year in FileSystem.entries(base) where FileSystem.kind(base + "/" + year) == .directory {
            for name in FileSystem.entries(base + "/" + year) where name.hasPrefix(ReportPublisher.temporaryPrefix) {
                FileSystem.removeTree(base + "/" + year + "/" + name)
            }
        }
    }

    /// A report folder written under its temporary name, not yet visible to readers.
    public struct StagedFolder: Sendable {
        public let year: Int
        let temporary: String
        public let finalPath: String
    }

    /// Writes `files` plus the manifest `makeManifest` builds from their hashes into a temporary
    /// folder beside `base/year/folder`. Nothing is visible until `publish`.
    public func stage(
        year: Int, folder: String, files: [(name: String, bytes: [UInt8])],
        makeManifest: ([Manifest.File]) throws -> [UInt8]
    ) throws(ReportError) -> StagedFolder {
        let yearPath = base + "/" + String(year)
        let staged = StagedFolder(
            year: year, temporary: yearPath + "/" + ReportPublisher.temporaryPrefix + folder + "-" + String(getpid()),
            finalPath: yearPath + "/" + folder)
        do {
            try FileSystem.makeDirectory(yearPath)
            FileSystem.removeTree(staged.temporary)
            try FileSystem.makeDirectory(staged.temporary)
            var entries: [Manifest.File] = []
            for file in files {
                try FileSystem.writeFile(staged.temporary + "/" + file.name, file.bytes, sync: false)
                entries.append(Manifest.File(name: file.name, size: file.bytes.count, sha256: SHA256.hex(file.bytes)))
            }
            let manifest: [UInt8]
            do { manifest = try makeManifest(entries) } catch {
                throw ReportError(.software, "cannot build the manifest: \(error)")
            }
            try FileSystem.writeFile(staged.temporary + "/" + Manifest.fileName, manifest, sync: false)
        } catch let failure as FileSystem.Failure {
            FileSystem.removeTree(staged.temporary)
            throw ReportPublisher.outputError(failure)
        } catch let error as ReportError {
            FileSystem.removeTree(staged.temporary)
            throw error
        } catch {
            FileSystem.removeTree(staged.temporary)
            throw ReportError(.software, "\(error)")
        }
        return staged
    }

    /// Makes all staged folders durable with one `syncfs`, then swaps each into place and syncs
    /// again, so the renames are durable too. All years of a run are written before any is
    /// published: a full disk in the last year leaves every previous report untouched.
    public func publish(_ staged: [StagedFolder]) throws(ReportError) {
        do {
            try FileSystem.syncFileSystem(base)
            for folder in staged {
                if FileSystem.kind(folder.finalPath) == .missing {
                    try FileSystem.rename(folder.temporary, folder.finalPath)
                } else {
                    try FileSystem.exchange(folder.temporary, folder.finalPath)
                    FileSystem.removeTree(folder.temporary)
                }
            }
            try FileSystem.syncFileSystem(base)
        } catch {
            discard(staged)
            throw ReportPublisher.outputError(error)
        }
    }

    /// Removes staged folders that will not be published (a later year failed).
    public func discard(_ staged: [StagedFolder]) {
        for folder in staged { FileSystem.removeTree(folder.temporary) }
    }

    /// Points `base/year/latest` at the newest published (not internal) folder.
    public func updateLatest(year: Int) throws(ReportError) {
        let yearPath = base + "/" + String(year)
        guard let newest = publishedFolders(year: year).last else { return }
        let link = yearPath + "/" + ReportPublisher.latestName
        guard FileSystem.readLink(link) != newest else { return }
        let temporary = yearPath + "/" + ReportPublisher.temporaryPrefix + "latest-" + String(getpid())
        do {
            FileSystem.removeTree(temporary)
            try FileSystem.symlink(target: newest, at: temporary)
            try FileSystem.rename(temporary, link)
            try FileSystem.syncDirectory(yearPath)
        } catch {
            FileSystem.removeTree(temporary)
            throw ReportPublisher.outputError(error)
        }
    }

    /// Removes all but the newest `keep` folders of a year (published and internal counted
    /// separately), never the one `latest` points to.
    public func prune(year: Int, keep: Int) -> [String] {
        let yearPath = base + "/" + String(year)
        let latest = FileSystem.readLink(yearPath + "/" + ReportPublisher.latestName)
        var removed: [String] = []
        for folders in [publishedFolders(year: year), internalFolders(year: year)] where folders.count > keep {
            for name in folders.dropLast(keep) where name != latest {
                FileSystem.removeTree(yearPath + "/" + name)
                removed.append(yearPath + "/" + name)
            }
        }
        return removed
    }

    /// Folders named by a Stichtag (`2025-09-30`), oldest first.
    func publishedFolders(year: Int) -> [String] {
        FileSystem.entries(base + "/" + String(year)).filter { CalendarDate(iso: $0) != nil }.sorted()
    }

    func internalFolders(year: Int) -> [String] {
        FileSystem.entries(base + "/" + String(year))
            .filter {
                $0.hasSuffix(ReportFolder.internalSuffix)
                    && CalendarDate(iso: String($0.dropLast(ReportFolder.internalSuffix.count))) != nil
            }
            .sorted()
    }

    static func makeDirectories(_ path: String) throws(FileSystem.Failure) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            try FileSystem.makeDirectory(current)
        }
    }

    static func outputError(_ failure: FileSystem.Failure) -> ReportError {
        let fix = failure.isDiskFull ? "free space on that file system" : "check the path and its permissions, or choose another --out"
        return ReportError(.cantCreate, "cannot write the report: \(failure.description); \(fix). The previous report is unchanged.")
    }
}

/// Names of report folders.
public enum ReportFolder {
    public static let internalSuffix = "-intern"

    /// `2025-09-30`, or `2025-09-30-intern` without disclosure control.
    public static func name(asOf: CalendarDate, disclosureControl: Bool) -> String {
        asOf.description + (disclosureControl ? "" : internalSuffix)
    }
}

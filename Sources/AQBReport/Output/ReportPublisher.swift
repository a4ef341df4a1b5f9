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
///
/// Everything below the output base goes through `Directory`: the base, the year folders and the
/// lock file must be real folders and files of the report's own user (no links followed, status
/// 73 otherwise), and every file is created new with `O_EXCL`.
public struct ReportPublisher {
    public let base: String
    let directory: Directory
    /// Where staging folders are registered for removal on SIGTERM/SIGINT.
    let registry: StagingRegistry
    static let temporaryPrefix = ".aqb-tmp-"
    public static let latestName = "latest"

    /// Checks the output base and creates it when missing.
    public init(base: String) throws(ReportError) { try self.init(base: base, registry: .shared) }

    init(base: String, registry: StagingRegistry) throws(ReportError) {
        self.base = base
        self.registry = registry
        switch FileSystem.kind(base) {
        case .directory: break
        case .missing:
            do { try ReportPublisher.makeDirectories(base) } catch { throw ReportPublisher.outputError(error) }
        case .file, .other:
            throw ReportError(.cantCreate, "output folder \(base) is a file, not a folder; choose another --out or move the file away.")
        case .link:
            guard access(base, F_OK) == 0 else {
                throw ReportError(.cantCreate, "output folder \(base) is a symbolic link to nothing; fix the link or choose another --out.")
            }
            throw ReportError(
                .cantCreate,
                "output folder \(base) is a symbolic link; aqb-report follows no links in its output. Pass the real folder as --out.")
        }
        do { directory = try Directory.open(base, followLink: false, ownedByUs: true) } catch {
            throw ReportPublisher.outputError(error)
        }
        guard directory.isWritable else {
            throw ReportError(
                .cantCreate, "output folder \(base) is not writable for this user; fix its permissions or choose another --out.")
        }
    }

    /// Removes temporary folders an interrupted run left behind. Call only while holding the run
    /// lock. Year folders that are links or belong to someone else are left alone.
    public func removeLeftovers() {
        for year in directory.entries() where directory.kind(year) == .directory {
            guard let yearDirectory = try? directory.subdirectory(year, create: false) else { continue }
            for name in yearDirectory.entries() where name.hasPrefix(ReportPublisher.temporaryPrefix) {
                yearDirectory.remove(name)
            }
        }
    }

    /// A report folder written under its temporary name, not yet visible to readers.
    public struct StagedFolder: Sendable {
        public let year: Int
        let yearDirectory: Directory
        let temporaryName: String
        let finalName: String
        public var finalPath: String { yearDirectory.child(finalName) }
    }

    /// Writes `files` plus the manifest `makeManifest` builds from their hashes into a temporary
    /// folder beside `base/year/folder`. Nothing is visible until `publish`.
    ///
    /// Refuses, before anything is published, a file where the folder belongs and (with
    /// `updatesLatest`) a `latest` that is not a link: both would otherwise be replaced or fail
    /// halfway.
    public func stage(
        year: Int, folder: String, updatesLatest: Bool, files: [(name: String, bytes: [UInt8])],
        makeManifest: ([Manifest.File]) throws -> [UInt8]
    ) throws(ReportError) -> StagedFolder {
        var staging = try open(year: year, folder: folder, updatesLatest: updatesLatest)
        do {
            try staging.write(files)
            return try close(staging, makeManifest: makeManifest)
        } catch {
            discard([staging.folder])
            throw error
        }
    }

    /// A report folder being written under its temporary name, file by file.
    ///
    /// Why file by file: the run writes each file while it is rendered (`FileWriter`), so a
    /// year's folder, and even its largest file, is never in memory as a whole (`RenderStage`).
    public struct Staging: FileSink, Sendable {
        public let folder: StagedFolder
        let directory: Directory
        /// The files written so far, for the manifest.
        private(set) var entries: [Manifest.File] = []
        private var subfolders: [String: Directory] = [:]

        init(folder: StagedFolder, directory: Directory) {
            self.folder = folder
            self.directory = directory
        }

        /// The same folder with no file recorded yet, for a second writer beside this one
        /// (`RenderLanes`): its entries are recorded here later, in the order the manifest
        /// wants. Only one of the two may write into a given subfolder (`kreise/`).
        func branch() -> Staging { Staging(folder: folder, directory: directory) }

        /// Writes `files` into the staging folder. On failure, the caller discards the folder.
        public mutating func write(_ files: [(name: String, bytes: [UInt8])]) throws(ReportError) {
            for file in files { try write(file.name, bytes: file.bytes) }
        }

        /// Creates `name` in the staging folder, new (`O_EXCL`, no link followed), for writing.
        public mutating func create(_ name: String) throws(ReportError) -> FileWriter {
            do throws(FileSystem.Failure) { return try createWriter(name) } catch { throw ReportPublisher.outputError(error) }
        }

        /// Closes a file of `create`; its size and SHA-256 come from the bytes as they were
        /// written. A failure of any of its writes is thrown here; the caller then discards the
        /// folder, so a file cut short is never published.
        @discardableResult
        public mutating func finish(_ writer: FileWriter, name: String, record: Bool) throws(ReportError) -> Manifest.File {
            let written: (size: Int, sha256: String)
            do throws(FileSystem.Failure) { written = try writer.finish() } catch { throw ReportPublisher.outputError(error) }
            let file = Manifest.File(name: name, size: written.size, sha256: written.sha256)
            if record { entries.append(file) }
            return file
        }

        public mutating func record(_ file: Manifest.File) { entries.append(file) }

        /// One level of folders (`kreise/06411-darmstadt.md`), made fresh inside the staging
        /// folder, which is ours alone.
        private mutating func createWriter(_ name: String) throws(FileSystem.Failure) -> FileWriter {
            let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, Manifest.isPlainName(parts[0]), Manifest.isPlainName(parts[1]) else {
                return try directory.createWriter(name)
            }
            if subfolders[parts[0]] == nil { subfolders[parts[0]] = try directory.makeSubdirectory(parts[0]) }
            guard let subfolder = subfolders[parts[0]] else { return try directory.createWriter(name) }
            return try subfolder.createWriter(parts[1])
        }
    }

    /// Starts a staged folder: refuses what is in the way (as `stage` does), makes the temporary
    /// folder and registers it for removal on a stop. Finish it with `close`, or `discard` it.
    public func open(year: Int, folder: String, updatesLatest: Bool) throws(ReportError) -> Staging {
        let yearDirectory: Directory
        do { yearDirectory = try directory.subdirectory(String(year), create: true) } catch {
            throw ReportPublisher.outputError(error)
        }
        try ReportPublisher.checkInTheWay(yearDirectory, folder: folder, updatesLatest: updatesLatest)
        let staged = StagedFolder(
            year: year, yearDirectory: yearDirectory,
            temporaryName: Directory.unguessableName(ReportPublisher.temporaryPrefix + folder + "-"), finalName: folder)
        do {
            let staging = try yearDirectory.makeSubdirectory(staged.temporaryName)
            registry.add(yearDirectory, staged.temporaryName)
            return Staging(folder: staged, directory: staging)
        } catch {
            throw ReportPublisher.outputError(error)
        }
    }

    /// Writes the manifest `makeManifest` builds from the hashes of the files written, last.
    /// On failure, the caller discards the folder.
    public func close(_ staging: Staging, makeManifest: ([Manifest.File]) throws -> [UInt8]) throws(ReportError) -> StagedFolder {
        let manifest: [UInt8]
        do { manifest = try makeManifest(staging.entries) } catch {
            throw ReportError(.software, "cannot build the manifest: \(error)")
        }
        do { try staging.directory.createFile(Manifest.fileName, manifest, sync: false) } catch {
            throw ReportPublisher.outputError(error)
        }
        return staging.folder
    }

    private static func checkInTheWay(_ yearDirectory: Directory, folder: String, updatesLatest: Bool) throws(ReportError) {
        switch yearDirectory.kind(folder) {
        case .file, .other:
            throw ReportError(
                .cantCreate,
                "\(yearDirectory.child(folder)) is a file, not a report folder; move it away. The previous report is unchanged.")
        default: break
        }
        guard updatesLatest else { return }
        switch yearDirectory.kind(latestName) {
        case .directory, .file, .other:
            throw ReportError(
                .cantCreate,
                "\(yearDirectory.child(latestName)) is not a link; aqb-report keeps it as a link to the newest report. Move it away. The previous report is unchanged."
            )
        default: break
        }
    }

    /// Makes all staged folders durable with one `syncfs`, then swaps each into place and syncs
    /// again, so the renames are durable too. All years of a run are written before any is
    /// published: a full disk in the last year leaves every previous report untouched.
    public func publish(_ staged: [StagedFolder]) throws(ReportError) {
        do {
            try directory.syncFileSystem()
            try registry.whileHeld { forget throws(FileSystem.Failure) in
                for folder in staged {
                    let years = folder.yearDirectory
                    if years.kind(folder.finalName) == .missing {
                        try years.rename(folder.temporaryName, to: folder.finalName)
                    } else {
                        try years.exchange(folder.temporaryName, folder.finalName)
                        years.remove(folder.temporaryName)
                    }
                    forget(years, folder.temporaryName)
                }
            }
            try directory.syncFileSystem()
        } catch {
            discard(staged)
            throw ReportPublisher.outputError(error)
        }
    }

    /// Removes staged folders that will not be published (a later year failed).
    public func discard(_ staged: [StagedFolder]) {
        for folder in staged {
            folder.yearDirectory.remove(folder.temporaryName)
            registry.remove(folder.yearDirectory, folder.temporaryName)
        }
    }

    /// Points `base/year/latest` at the newest published (not internal) folder.
    public func updateLatest(year: Int) throws(ReportError) {
        do throws(FileSystem.Failure) {
            let years = try directory.subdirectory(String(year), create: false)
            guard let newest = ReportPublisher.publishedFolders(years).last else { return }
            guard years.readLink(ReportPublisher.latestName) != newest else { return }
            var temporary = Directory.unguessableName(ReportPublisher.temporaryPrefix + "latest-")
            while true {
                do throws(FileSystem.Failure) {
                    try years.symlink(target: newest, name: temporary)
                    break
                } catch  where error.code == EEXIST {
                    temporary = Directory.unguessableName(ReportPublisher.temporaryPrefix + "latest-")
                }
            }
            do {
                try years.rename(temporary, to: ReportPublisher.latestName)
                try years.sync()
            } catch {
                years.remove(temporary)
                throw error
            }
        } catch {
            throw ReportPublisher.outputError(error)
        }
    }

    /// Removes all but the newest `keep` folders of a year (published and internal counted
    /// separately), never the one `latest` points to. Works inside the year folder's descriptor:
    /// a year folder that is a link was refused before, and links inside are removed, not followed.
    public func prune(year: Int, keep: Int) -> Pruning {
        var pruning = Pruning()
        guard let years = try? directory.subdirectory(String(year), create: false) else { return pruning }
        let latest = years.readLink(ReportPublisher.latestName)
        for folders in [ReportPublisher.publishedFolders(years), ReportPublisher.internalFolders(years)] where folders.count > keep {
            for name in folders.dropLast(keep) where name != latest {
                if years.remove(name) { pruning.removed.append(years.child(name)) } else { pruning.kept.append(years.child(name)) }
            }
        }
        return pruning
    }

    /// What `--keep` did: the folders it removed, and those it could not (something of another
    /// user inside), which the log names instead of calling them removed.
    public struct Pruning: Sendable, Equatable {
        public var removed: [String] = []
        public var kept: [String] = []
    }

    /// Folders named by a Stichtag (`2025-09-30`), oldest first.
    static func publishedFolders(_ years: Directory) -> [String] {
        years.entries().filter { CalendarDate(iso: $0) != nil }.sorted()
    }

    static func internalFolders(_ years: Directory) -> [String] {
        years.entries()
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
        if let refusal = failure.refusal { return ReportError(.cantCreate, "\(refusal) The previous report is unchanged.") }
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

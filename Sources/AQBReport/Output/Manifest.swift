import Foundation

/// `manifest.json`: what a report folder holds and where it came from.
///
/// Times and run metadata live here and not in the data files, so the CSV files stay
/// byte-identical for the same data. `aqb-report verify` checks a folder against it.
public struct Manifest: Codable, Sendable, Equatable {
    public struct Parameters: Codable, Sendable, Equatable {
        public var year: Int
        public var asOf: String
        public var yearsInRun: [Int]
        public var csvFormat: String
        public var disclosureControl: Bool
        /// The counting day of the counts of people (`nil` in manifests written before it existed).
        public var zaehltag: String? = nil
    }

    public struct Database: Codable, Sendable, Equatable {
        public var serverVersion: String
        /// When the snapshot all years of the run were read from was taken (Europe/Berlin, ISO 8601).
        public var snapshotAt: String
        /// The newest `buchungstag` in `aqb.ausgabe`, the freshness of the booking feed.
        public var newestBuchungstag: String?
    }

    /// Disclosure control of the folder: the rule and what it cost (absent when it was off).
    public struct Disclosure: Codable, Sendable, Equatable {
        /// Counts below this are primary suppressions.
        public var threshold: Int
        /// A `*` may hide a 0 (a reader's lower bound for a `*` is 0, not 1).
        public var starsMayBeZero: Bool
        public var primaryCells: Int
        public var secondaryCells: Int
        /// Participations hidden by primary and by secondary cells.
        public var primaryParticipants: Int
        public var secondaryParticipants: Int
        /// Stichtage of the published reports of the cohort the audit took as known.
        public var neighbours: [String]
        /// Milliseconds spent choosing and auditing the pattern.
        public var durationMs: Int
    }

    public struct File: Codable, Sendable, Equatable {
        public var name: String
        public var size: Int
        public var sha256: String
    }

    public var tool = "aqb-report"
    public var version: String
    public var parameters: Parameters
    public var database: Database
    public var rowsRead: RowCounts
    public var disclosure: Disclosure?
    public var files: [File]
    /// When the folder was written (Europe/Berlin, ISO 8601).
    public var createdAt: String
    /// Milliseconds from the start of the run until this folder was written.
    public var durationMs: Int
    public var warnings: [String]

    public static let fileName = "manifest.json"

    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [0x0A]
    }

    public static func decode(_ bytes: [UInt8]) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }

    /// Compares a folder with its manifest: missing, extra, resized or changed files.
    /// An empty result means the folder is exactly what was published.
    ///
    /// The folder itself may be reached through a link (`reports/2025/latest`); inside it only
    /// regular files are read, by plain names (a manifest naming `../../etc/passwd` is a
    /// difference, not a read) and up to a size limit (a link to `/dev/zero` is not followed).
    public static func verify(folder: String, fileLimit: Int = defaultFileLimit) -> [String] {
        let directory: Directory
        do { directory = try Directory.open(folder, followLink: true, ownedByUs: false) } catch { return ["cannot open \(error)"] }
        let manifestBytes: [UInt8]
        do { manifestBytes = try directory.readFile(fileName, limit: manifestLimit) } catch { return ["cannot read \(error)"] }
        let manifest: Manifest
        do { manifest = try decode(manifestBytes) } catch {
            return ["\(folder)/\(fileName) is not a valid manifest: \(error.localizedDescription)"]
        }
        var problems: [String] = []
        let listed = Set(manifest.files.map(\.name))
        for file in manifest.files {
            let parts = file.name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(parts.count), parts.allSatisfy(isPlainName), file.name != fileName else {
                problems.append("\(file.name): not a file name inside the folder; the manifest was altered")
                continue
            }
            // A file in a subfolder is read through that folder, opened without following a link.
            let holder: Directory
            if parts.count == 2 {
                guard let sub = try? directory.subdirectory(parts[0], create: false, ownedByUs: false) else {
                    problems.append("\(file.name): missing")
                    continue
                }
                holder = sub
            } else {
                holder = directory
            }
            let bytes: [UInt8]
            do { bytes = try holder.readFile(parts[parts.count - 1], limit: fileLimit) } catch {
                problems.append(holder.kind(parts[parts.count - 1]) == .missing ? "\(file.name): missing" : "\(file.name): \(error)")
                continue
            }
            if bytes.count != file.size { problems.append("\(file.name): size \(bytes.count), manifest says \(file.size)") }
            if SHA256.hex(bytes) != file.sha256 { problems.append("\(file.name): SHA-256 differs from the manifest") }
        }
        let listedFolders = Set(listed.compactMap { name in name.contains("/") ? String(name.split(separator: "/")[0]) : nil })
        for name in directory.entries() where name != fileName && !listed.contains(name) {
            if listedFolders.contains(name), directory.kind(name) == .directory,
                let sub = try? directory.subdirectory(name, create: false, ownedByUs: false)
            {
                for entry in sub.entries() where !listed.contains(name + "/" + entry) {
                    problems.append("\(name)/\(entry): not listed in the manifest")
                }
                continue
            }
            problems.append("\(name): not listed in the manifest")
        }
        return problems
    }

    /// Largest manifest `verify` reads; a real one is a few kilobytes.
    static let manifestLimit = 1 << 20
    /// Largest report file `verify` reads; a real one is well under a megabyte.
    public static let defaultFileLimit = 256 << 20

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0")
    }
}

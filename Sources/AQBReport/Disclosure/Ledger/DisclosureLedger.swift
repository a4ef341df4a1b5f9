import Foundation

/// The register of every count table that left the tool, one file per cohort in the output
/// base (`.aqb-report-ledger-<year>`), never pruned by `keep`.
///
/// Each line is `<SHA-256 of the JSON> <JSON of one LedgerEntry>`: a line changed by hand fails
/// its checksum and the run stops with status 65 rather than audit against a forged history
/// (a forged table would let a new report publish what the real one protects). The file is
/// replaced atomically, under the run lock, before the report it records is published: a crash
/// in between leaves an entry for a table nobody received, which only makes the audit stricter.
public struct DisclosureLedger: Sendable {
    public private(set) var entries: [LedgerEntry]
    let year: Int

    static func fileName(year: Int) -> String { ".aqb-report-ledger-\(year)" }
    /// Far above a cohort's thirteen counting days a year (plus ad-hoc days and revisions), far
    /// below what would make reading it slow.
    static let byteLimit = 256 * 1024 * 1024

    /// The ledger of cohort `year` in the output base; empty when there is none yet.
    public static func read(_ base: Directory, year: Int) throws(ReportError) -> DisclosureLedger {
        let name = fileName(year: year)
        guard base.kind(name) != .missing else { return DisclosureLedger(entries: [], year: year) }
        let path = base.child(name)
        guard base.kind(name) == .file else {
            throw ReportError(
                .dataError, "the disclosure ledger \(path) is not a regular file; move it away and restore the file from a backup.")
        }
        let bytes: [UInt8]
        do { bytes = try base.readFile(name, limit: byteLimit) } catch {
            throw ReportError(
                .dataError, "the disclosure ledger \(path) cannot be read (\(error)); fix its permissions or restore it from a backup.")
        }
        var entries: [LedgerEntry] = []
        let decoder = JSONDecoder()
        for (number, line) in bytes.split(separator: UInt8(ascii: "\n")).enumerated() {
            let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 1)
            guard parts.count == 2, String(decoding: parts[0], as: UTF8.self) == SHA256.hex(Array(parts[1])),
                let entry = try? decoder.decode(LedgerEntry.self, from: Data(parts[1])), entry.year == year
            else {
                throw ReportError(
                    .dataError,
                    "the disclosure ledger \(path) line \(number + 1) fails its checksum or names another year: it was changed outside aqb-report; restore the file from a backup (the audit must know every published table)."
                )
            }
            entries.append(entry)
        }
        return DisclosureLedger(entries: entries, year: year)
    }

    /// The entry whose published counts a report with these true counts can publish again
    /// unchanged: same counting day, same areas, categories and projects, and every published
    /// cell equal to today's value. Then the recorded pattern is safe as it stands: a reader
    /// learns nothing that table did not already tell. The newest such entry wins.
    ///
    /// - Parameter ignoringBounds: also an entry whose projects differ only in what readers know
    ///   of their counts (`ProjectCells.Place.bound`): its pattern must then pass the audit again.
    public func reusable(zaehltag: CalendarDate, truth: CountTable, shape: PublishedCounts, ignoringBounds: Bool = false) -> LedgerEntry? {
        let values = truth.flatCells
        return entries.reversed().first { entry in
            let recorded = entry.counts
            let sameProjects =
                ignoringBounds
                ? recorded.projects?.map(\.withoutBound) == shape.projects?.map(\.withoutBound) : recorded.projects == shape.projects
            guard entry.zaehltag == zaehltag, recorded.keys == shape.keys, recorded.massnahmenarten == shape.massnahmenarten,
                recorded.rechtskreise == shape.rechtskreise, recorded.foerderschwerpunkte == shape.foerderschwerpunkte,
                recorded.inclusion == shape.inclusion, sameProjects
            else { return false }
            let published = recorded.flatValues
            return published.count == values.count && zip(published, values).allSatisfy { $0 == nil || $0 == $1 }
        }
    }

    /// The recorded tables as neighbours of a new table of counting day `zaehltag` shaped like
    /// `shape` (`distinct`). A revision of the same counting day (late entries) is a table of
    /// its own; the recorded one counts as earlier.
    static func neighbours(_ entries: [LedgerEntry], of zaehltag: CalendarDate, shape: PublishedCounts) -> [NeighbourReport] {
        distinct(entries).map { entry in
            NeighbourReport(
                counts: entry.counts, asOf: entry.zaehltag, isEarlier: entry.zaehltag <= zaehltag, cellMap: entry.counts.cellMap(to: shape))
        }
    }

    /// The recorded tables as the audit takes them: entries of one counting day with the same
    /// published counts, differing only in what readers learned of projects since
    /// (`ProjectCells.Place.bound`, a re-audit after a project began to spend), are one table
    /// with all of that knowledge. A reader holding both knows no more than that, and the audit
    /// attacks one table instead of one per re-audit: in nightly operation a counting day
    /// gathers several such entries. Entries whose knowledge contradicts (one says a project
    /// counted nobody, another at least one) stay apart. In the order of the first entry of each.
    static func distinct(_ entries: [LedgerEntry]) -> [LedgerEntry] {
        var result: [LedgerEntry] = []
        next: for entry in entries {
            for index in result.indices where result[index].zaehltag == entry.zaehltag {
                if let merged = Self.merged(result[index].counts, entry.counts) {
                    result[index].counts = merged
                    continue next
                }
            }
            result.append(entry)
        }
        return result
    }

    /// The two tables as one, with the project bounds of both, when they are the same table apart
    /// from such bounds and no bound contradicts another; otherwise `nil`.
    private static func merged(_ first: PublishedCounts, _ second: PublishedCounts) -> PublishedCounts? {
        guard let places = first.projects, let others = second.projects, places.count == others.count else {
            return first == second ? first : nil
        }
        var mergedPlaces: [ProjectCells.Place] = []
        for (place, other) in zip(places, others) {
            var bare = place.withoutBound
            guard bare == other.withoutBound else { return nil }
            switch (place.bound, other.bound) {
            case (nil, let bound), (let bound, nil): bare.bound = bound
            case let (one?, two?):
                guard one == two else { return nil }
                bare.bound = one
            }
            mergedPlaces.append(bare)
        }
        var result = first
        result.projects = mergedPlaces
        var comparable = second
        comparable.projects = mergedPlaces
        return result == comparable ? result : nil
    }

    /// Whether exactly this table is recorded already.
    public func contains(zaehltag: CalendarDate, counts: PublishedCounts) -> Bool {
        entries.contains { $0.zaehltag == zaehltag && $0.counts == counts }
    }

    public mutating func append(_ entry: LedgerEntry) { entries.append(entry) }

    /// Replaces the file atomically: a new file under a name nobody can guess, fsync, rename,
    /// fsync of the folder.
    public func write(_ base: Directory) throws(ReportError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for entry in entries {
            guard let json = try? encoder.encode(entry) else {
                throw ReportError(.software, "an entry of the disclosure ledger could not be encoded; report it with the log.")
            }
            bytes += Array(SHA256.hex(Array(json)).utf8) + [UInt8(ascii: " ")] + Array(json) + [UInt8(ascii: "\n")]
        }
        let name = Self.fileName(year: year)
        do { try base.replaceFile(name, bytes) } catch {
            throw ReportError(
                .cantCreate,
                "the disclosure ledger \(base.child(name)) could not be written (\(error)); nothing was published. Free space or fix permissions."
            )
        }
    }
}

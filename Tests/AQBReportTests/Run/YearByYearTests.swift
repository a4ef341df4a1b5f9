import Foundation
import Logging
import Testing

@testable import AQBReport

/// The run takes one year at a time through its stages (`ReportRunner`): oldest first, each
/// staged before the next is read, all published together.
@Suite struct YearByYearTests {
    static func run(
        _ database: TestDatabase, years: [Int], into folder: TemporaryFolder, idleInTransactionTimeoutMs: Int? = nil,
        computing: TimeInterval = 0
    ) throws -> ReportRunner.Summary {
        var request = ReportRequest(years: years, asOf: try #require(CalendarDate(iso: "2025-09-30")), outputBase: folder.path)
        request.conninfo = database.reportConninfo
        if let idleInTransactionTimeoutMs { request.session.idleInTransactionTimeoutMs = idleInTransactionTimeoutMs }
        request.connectAttempts = 1
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let clock = ReportFiles.fixedClock
        // The clock is read by the stages after reading (disclosure, rendering, publishing), never
        // while reading: a pause there stands for a year that takes long to compute.
        let now: @Sendable () -> Date = {
            if computing > 0 { Thread.sleep(forTimeInterval: computing) }
            return clock
        }
        return try ReportRunner(logger: logger, now: now, fixedSnapshotTime: clock).run(request)
    }

    /// Every file below `folder`, by its path inside it.
    static func files(_ folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
        }
        return files
    }

    /// The snapshot stays open while a year is disclosed and rendered, which can take minutes on
    /// the first night of a counting day late in a cohort year: the idle-in-transaction timeout
    /// guards the reads, not that span, or the server would end the session before the next year.
    @Test func aYearThatTakesLongerThanTheIdleTimeoutDoesNotEndTheSnapshot() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let folder = try TemporaryFolder()
        // Every reading of the clock after the reads takes 0.4 s, so AQB 2024's stages take
        // longer than the 250 ms the session may stay idle; the reads' own pauses are far shorter.
        let summary = try Self.run(database, years: [2024, 2025], into: folder, idleInTransactionTimeoutMs: 250, computing: 0.4)
        #expect(summary.folders.count == 2)
    }

    /// Asked for newest first, the years are still disclosed oldest first (2025's comparison is
    /// audited together with the 2024 report of the same run), so the files are those of the
    /// ascending order; folders, rows and digests keep the order asked for.
    @Test func theOrderOfTheYearsAskedForChangesOnlyTheOrderOfTheFolders() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let ascending = try TemporaryFolder()
        let descending = try TemporaryFolder()
        let up = try Self.run(database, years: [2024, 2025], into: ascending)
        let down = try Self.run(database, years: [2025, 2024], into: descending)
        #expect(down.folders == [descending.path + "/2025/2025-09-30", descending.path + "/2024/2025-09-30"])
        #expect(down.perYear.map(\.year) == [2025, 2024])
        #expect(down.digests.map(\.year) == [2025, 2024])
        #expect(down.rowsRead == up.rowsRead)
        for year in ["2024", "2025"] {
            var before = try Self.files(ascending.path + "/" + year + "/2025-09-30")
            var after = try Self.files(descending.path + "/" + year + "/2025-09-30")
            // The manifest names the years of the run in the order asked for.
            #expect(before.removeValue(forKey: Manifest.fileName) != nil)
            #expect(after.removeValue(forKey: Manifest.fileName) != nil)
            #expect(before.count > 10)
            for (name, bytes) in before { #expect(after[name] == bytes, "\(year)/\(name) differs") }
            #expect(Set(after.keys) == Set(before.keys))
        }
    }

    /// A year that cannot be staged after an earlier one was: the earlier folder goes too, and
    /// nothing is published or recorded in a ledger.
    @Test func aLaterYearThatFailsTakesTheStagedEarlierYearWithIt() throws {
        let database = try TestDatabase()
        try database.loadSample()
        let out = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: out.path + "/2025", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: out.path + "/2025/2025-09-30", contents: Data("in the way".utf8)))
        #expect(throws: ReportError.self) { try Self.run(database, years: [2024, 2025], into: out) }
        #expect(out.list("2024").isEmpty, "\(out.list("2024"))")
        #expect(out.list("2025") == ["2025-09-30"])
        #expect(!out.list().contains { $0 == DisclosureLedger.fileName(year: 2024) }, "\(out.list())")
    }
}

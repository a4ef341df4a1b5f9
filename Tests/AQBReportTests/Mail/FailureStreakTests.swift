import Foundation
import Testing

@testable import AQBReport

/// The failure-streak state beside the reports: replaced whole, read back by the next process,
/// and a damaged or half-written file is never taken for a streak that is not there.
@Suite struct FailureStreakTests {
    @Test func aStreakIsReadBackAsWritten() throws {
        let folder = try TemporaryFolder()
        let base = try Directory.open(folder.path, followLink: false, ownedByUs: true)
        #expect(FailureStreak.read(base) == .none)
        try FailureStreak.failing(since: "2026-11-27T04:30:00+01:00", status: 69).write(base)
        #expect(FailureStreak.read(base) == .failing(since: "2026-11-27T04:30:00+01:00", status: 69))
        try FailureStreak.none.write(base)
        #expect(FailureStreak.read(base) == .none)
        // Only the state file itself remains: no temporary file is left behind.
        #expect(folder.list() == [FailureStreak.fileName])
    }

    @Test(arguments: ["", "failing\n", "failing x y\n", "ok\n", "garbage 1 2\n"])
    func aDamagedFileIsNoStreak(text: String) throws {
        let folder = try TemporaryFolder()
        try text.write(toFile: folder.path + "/" + FailureStreak.fileName, atomically: true, encoding: .utf8)
        let base = try Directory.open(folder.path, followLink: false, ownedByUs: true)
        #expect(FailureStreak.read(base) == .none)
    }

    @Test func aLinkInPlaceOfTheStateIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        try "failing 2026-11-27T04:30:00+01:00 69\n".write(toFile: folder.path + "/elsewhere", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/" + FailureStreak.fileName, withDestinationPath: "elsewhere")
        let base = try Directory.open(folder.path, followLink: false, ownedByUs: true)
        #expect(FailureStreak.read(base) == .none)
        try FailureStreak.failing(since: "2026-11-28T04:30:00+01:00", status: 79).write(base)
        // The link was replaced, its target left alone.
        #expect(try folder.read("elsewhere") == "failing 2026-11-27T04:30:00+01:00 69\n")
        #expect(FailureStreak.read(base) == .failing(since: "2026-11-28T04:30:00+01:00", status: 79))
    }
}

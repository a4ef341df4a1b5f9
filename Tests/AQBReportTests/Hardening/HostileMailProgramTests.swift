import Foundation
import Testing

@testable import AQBReport

/// Mail programs that misbehave: one that never reads, one that ignores SIGTERM, one that leaves
/// a child holding its output, one that exits 0 without reading. Each ends as a failure within
/// the one deadline, with its whole process group gone.
@Suite struct HostileMailProgramTests {
    /// A shell script as the mail program; `$$` is its pid, which it writes to `pids` with those of
    /// its children, so the test can see that none is left behind.
    func program(_ body: (String) -> String) throws -> (TemporaryFolder, Sendmail) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/mailer"
        try "#!/bin/sh\necho $$ >> \(folder.path)/pids\n\(body(folder.path))\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        var sendmail = Sendmail(command: path)
        sendmail.timeoutSeconds = 2
        sendmail.graceSeconds = 1
        return (folder, sendmail)
    }

    /// 269 KB, as the morning mail with its attachments was: more than a pipe holds.
    static let largeMail = Array(repeating: UInt8(ascii: "x"), count: 269_000)

    /// Whether every pid the script wrote down is gone (polled briefly: the kill is asynchronous).
    func allGone(_ folder: TemporaryFolder) throws -> Bool {
        let pids = try folder.read("pids").split(separator: "\n").compactMap { pid_t($0) }
        #expect(!pids.isEmpty)
        for _ in 0..<100 {
            if pids.allSatisfy({ kill($0, 0) != 0 }) { return true }
            usleep(20_000)
        }
        return false
    }

    @Test func aProgramThatNeverReadsIsStoppedAtTheDeadline() throws {
        let (folder, sendmail) = try program { _ in "sleep 600" }
        let error = #expect(throws: Sendmail.Failure.self) { try sendmail.send(Self.largeMail) }
        #expect(error?.reason.contains("did not finish within 2 s") == true, "\(error?.reason ?? "")")
        #expect(try allGone(folder))
    }

    @Test func aProgramThatIgnoresSIGTERMIsKilled() throws {
        let (folder, sendmail) = try program { _ in "trap '' TERM\ncat >/dev/null\nwhile :; do sleep 1; done" }
        let error = #expect(throws: Sendmail.Failure.self) { try sendmail.send(Array("Subject: x\n\nx\n".utf8)) }
        #expect(error?.reason.contains("did not finish") == true, "\(error?.reason ?? "")")
        #expect(try allGone(folder))
    }

    @Test func aChildHoldingTheOutputDoesNotHoldTheRun() throws {
        let (folder, sendmail) = try program { folder in "cat >/dev/null\nsh -c 'echo $$ >> \(folder)/pids; exec sleep 600' &\nexit 0" }
        let error = #expect(throws: Sendmail.Failure.self) { try sendmail.send(Array("Subject: x\n\nx\n".utf8)) }
        #expect(error?.reason.contains("did not finish") == true, "\(error?.reason ?? "")")
        #expect(try allGone(folder))
    }

    @Test func aProgramThatExitsWithoutReadingTheMailFails() throws {
        let (folder, sendmail) = try program { _ in "exit 0" }
        let error = #expect(throws: Sendmail.Failure.self) { try sendmail.send(Self.largeMail) }
        #expect(error?.reason.contains("did not read the whole mail") == true, "\(error?.reason ?? "")")
        _ = folder
    }

    @Test func aProgramThatReadsEverythingSucceedsAndItsChildrenMayFinish() throws {
        let (folder, sendmail) = try program { folder in "cat > \(folder)/mail\n(sleep 1; echo done) >/dev/null 2>&1 </dev/null &" }
        #expect(throws: Never.self) { try sendmail.send(Self.largeMail) }
        #expect(try folder.bytes("mail") == Self.largeMail)
    }
}

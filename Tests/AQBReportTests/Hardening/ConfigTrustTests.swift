import Foundation
import Testing

@testable import AQBReport

/// A configuration file that names a program to run (`sendmail`) decides what runs as the
/// report's user: one that another user wrote, or may write, is refused (78), as a readable
/// file with a password is.
@Suite struct ConfigTrustTests {
    func write(_ text: String, mode: Int, owner: uid_t? = nil) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/config.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        if let owner { #expect(chown(path, owner, gid_t(owner)) == 0, "the tests run as root") }
        return (folder, path)
    }

    @Test func aWorldWritableFileThatNamesAProgramIsRefused() throws {
        let (folder, path) = try write("sendmail: /tmp/evil\n", mode: 0o666)
        let error = #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(error?.reportError.status == .config)
        #expect(error?.description.contains("sendmail") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("chmod o-w \(path)") == true, "\(error?.description ?? "")")
        _ = folder
    }

    @Test func aFileOfAnotherUserThatNamesAProgramIsRefused() throws {
        let (folder, path) = try write("sendmail: /tmp/evil\n", mode: 0o644, owner: 65534)
        let error = #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(error?.reportError.status == .config)
        #expect(error?.description.contains("owned by uid 65534") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("chown") == true, "\(error?.description ?? "")")
        _ = folder
    }

    /// The refusal concerns programs: the same files without `sendmail` are read as before, and
    /// a private file of our own may name any program.
    @Test func theSameFilesWithoutAProgramAndAPrivateFileWithOneAreRead() throws {
        let (writable, writablePath) = try write("keep: 3\n", mode: 0o666)
        #expect(try ConfigFile.load(path: writablePath)[.keep] == .integer(3))
        let (foreign, foreignPath) = try write("keep: 4\n", mode: 0o644, owner: 65534)
        #expect(try ConfigFile.load(path: foreignPath)[.keep] == .integer(4))
        let (own, ownPath) = try write("sendmail: /usr/bin/msmtp --file=/etc/aqb-report/msmtprc\n", mode: 0o644)
        #expect(try ConfigFile.load(path: ownPath)[.sendmail] == .text("/usr/bin/msmtp --file=/etc/aqb-report/msmtprc"))
        _ = (writable, foreign, own)
    }

    /// The rule itself, for owners the test cannot create: root's files are trusted (the usual
    /// `/etc/aqb-report/config.yaml`), another user's and a world-writable one are not.
    @Test func theRuleTrustsOurOwnAndRootsFilesOnly() {
        #expect(ConfigFileTrust(mode: 0o644, owner: 1000, user: 1000).problem == nil)
        #expect(ConfigFileTrust(mode: 0o640, owner: 0, user: 1000).problem == nil)
        #expect(ConfigFileTrust(mode: 0o644, owner: 1001, user: 1000).problem != nil)
        #expect(ConfigFileTrust(mode: 0o602, owner: 1000, user: 1000).problem != nil)
        #expect(ConfigFileTrust(mode: 0o646, owner: 0, user: 1000).problem != nil)
    }

    /// The whole command: the report refuses to start, and the program never runs.
    @Test func theReportRefusesToStartAndTheProgramNeverRuns() throws {
        let folder = try TemporaryFolder()
        let marker = folder.path + "/ran"
        let program = folder.path + "/evil"
        try "#!/bin/sh\ntouch \(marker)\ncat >/dev/null\n".write(toFile: program, atomically: true, encoding: .utf8)
        chmod(program, 0o755)
        let config = folder.path + "/config.yaml"
        try "sendmail: \(program)\nmail_to: a@example.de\n".write(toFile: config, atomically: true, encoding: .utf8)
        chmod(config, 0o666)
        let outcome = try CommandRunner.run(["report", "--config", config, "--out", folder.path + "/out", "--db", "host=/nonexistent"])
        #expect(outcome.status == 78, "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}

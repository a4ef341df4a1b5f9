import Foundation
import Testing

/// A file system that is full: a 64 KiB tmpfs, filled to the last block, mounted for one test
/// (the tests run as root, as `scripts/test` does in its container) and unmounted afterwards.
final class FullDisk {
    let folder: TemporaryFolder
    var path: String { folder.path }

    init() throws {
        folder = try TemporaryFolder()
        let mounted = try CommandRunner.run(
            ["-t", "tmpfs", "-o", "size=64k,mode=0755", "tmpfs", folder.path], environment: [:], executable: "/bin/mount")
        try #require(mounted.status == 0, "cannot mount a tmpfs (the tests need root): \(mounted.stderr)")
        let filled = try CommandRunner.run(["-c", "cat /dev/zero > \(folder.path)/.fill"], environment: [:], executable: "/bin/sh")
        try #require(filled.stderr.contains("No space left"), "the tmpfs did not fill up: \(filled.stderr)")
    }

    deinit { _ = try? CommandRunner.run(["-l", folder.path], environment: [:], executable: "/bin/umount") }

    /// Everything in the folder but the filler.
    var entries: [String] { folder.list().filter { $0 != ".fill" } }
}

import Testing

/// The helper that runs the binary must not hang on a process that writes much to stderr.
@Suite struct CommandRunnerTests {
    @Test func aProcessFillingStderrDoesNotDeadlockTheHelper() throws {
        // 200 000 bytes on stderr while stdout stays open: more than a pipe holds.
        let outcome = try CommandRunner.run(
            ["-c", "head -c 200000 /dev/zero | tr '\\\\0' x >&2; echo done"], environment: ["PATH": "/usr/bin:/bin"], executable: "/bin/sh")
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "done\n")
        #expect(outcome.stderr.count == 200_000)
    }
}

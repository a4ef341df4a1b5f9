import Foundation
import Glibc
import Testing

/// Runs the built `aqb-report` binary the way cron does, capturing status and both streams.
enum CommandRunner {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The executable beside the test bundle (same build folder), or `TEST_AQB_BINARY` when set
    /// (to run the end-to-end tests against another build, e.g. the commit before a fix).
    static var binary: String {
        if let override = ProcessInfo.processInfo.environment["TEST_AQB_BINARY"], !override.isEmpty { return override }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            let candidate = url.deletingLastPathComponent().appendingPathComponent("aqb-report").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return Repository.path(".build/debug/aqb-report")
    }

    /// - Parameter environment: replaces the process environment entirely when given (minimal,
    ///   like cron's), else the test's environment is inherited.
    static func run(
        _ arguments: [String], environment: [String: String]? = nil, currentDirectory: String? = nil, executable: String? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return collect(process, out: out, err: err)
    }

    /// Reads both streams at the same time, then waits for the process.
    ///
    /// Reading one stream to its end before the other deadlocks as soon as the process fills
    /// the other pipe (64 KiB on Linux) and blocks writing it.
    static func collect(_ process: Process, out: Pipe, err: Pipe) -> Outcome {
        let stderr = BackgroundReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.finish()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errors, as: UTF8.self))
    }

    /// Reads a stream to its end on a thread of its own.
    ///
    /// `@unchecked Sendable`: `data` is written once by the reading thread before it signals
    /// `done`, and read only after waiting for `done`.
    final class BackgroundReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func finish() -> Data {
            done.wait()
            return data
        }
    }

    /// The PG* variables of the test server, for a minimal environment.
    static var databaseEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("PG") }
    }
}

extension CommandRunner {
    /// Starts the binary without waiting, for tests that interfere with a running report.
    final class Running {
        let process = Process()
        private let err = Pipe()
        private let out = Pipe()

        init(_ arguments: [String], environment: [String: String]? = nil) throws {
            process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
            process.arguments = arguments
            if let environment { process.environment = environment }
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        func kill() { Glibc.kill(process.processIdentifier, SIGKILL) }

        func finish() -> Outcome { CommandRunner.collect(process, out: out, err: err) }
    }
}

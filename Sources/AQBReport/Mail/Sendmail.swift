import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands a mail to the server's mail interface, the one cron itself uses: `sendmail -t -i`, which
/// reads the recipients from the headers (Debian's `msmtp`, or any MTA's `sendmail`).
///
/// The command is a path with optional arguments split at blanks, as mutt's `sendmail` setting
/// is: `/usr/bin/msmtp --file=/etc/aqb-report/msmtprc`. It runs without a shell, so nothing in
/// it is interpreted. A transport that hangs is killed after `timeoutSeconds`.
public struct Sendmail: Sendable {
    public var command: [String]
    public var timeoutSeconds: Double = 120

    public static let defaultCommand = "/usr/sbin/sendmail"

    public init(command: String) {
        let parts = command.split(separator: " ").map(String.init)
        self.command = parts.isEmpty ? [Sendmail.defaultCommand] : parts
    }

    /// Why a mail did not leave, in words for the log line.
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    /// Pipes `message` into `command -t -i` and waits. Throws with the transport's own first
    /// line of complaint when it cannot be started, fails, or takes too long.
    public func send(_ message: [UInt8]) throws(Failure) {
        guard let path = command.first, access(path, X_OK) == 0 else {
            throw Failure(
                reason:
                    "the mail program \(command.first ?? "") does not exist or is not executable; install msmtp (apt-get install msmtp) or set sendmail to the server's sendmail"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(command.dropFirst()) + ["-t", "-i"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = errors
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch { throw Failure(reason: "cannot start \(path): \(error)") }
        let reader = ErrorReader(errors.fileHandleForReading)
        // A transport that exits early closes its end: writing then fails with EPIPE, which is
        // ignored here, because its exit status and words below say what went wrong.
        signal(SIGPIPE, SIG_IGN)
        try? input.fileHandleForWriting.write(contentsOf: Data(message))
        try? input.fileHandleForWriting.close()
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            process.terminate()
            finished.wait()
            throw Failure(reason: "\(path) did not finish within \(Int(timeoutSeconds)) s and was stopped")
        }
        let said = reader.finish().split(separator: "\n").first.map { String($0.prefix(300)) } ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how =
                process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "was killed by a signal"
            throw Failure(reason: "\(path) \(how)" + (said.isEmpty ? "" : ": \(said)"))
        }
    }

    /// Reads the transport's output on a thread of its own, so a chatty transport cannot block
    /// on a full pipe while we wait for it.
    ///
    /// `@unchecked Sendable`: `text` is written once by the reading thread before it signals
    /// `done`, and read only after waiting for `done`.
    private final class ErrorReader: @unchecked Sendable {
        private var text = ""
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
                done.signal()
            }
        }

        func finish() -> String {
            done.wait()
            return text
        }
    }
}

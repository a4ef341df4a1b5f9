import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Hands a mail to the server's mail interface, the one cron itself uses: `sendmail -t -i`, which
/// reads the recipients from the headers (Debian's `msmtp`, or any MTA's `sendmail`).
///
/// The command is a path with optional arguments split at blanks, as mutt's `sendmail` setting
/// is: `/usr/bin/msmtp --file=/etc/aqb-report/msmtprc`. It runs without a shell, so nothing in
/// it is interpreted. Writing the mail, reading the program's words and waiting for its exit
/// share one deadline of `timeoutSeconds` (`MailProgramRun`); a program still running then is
/// stopped with its whole process group.
public struct Sendmail: Sendable {
    public var command: [String]
    public var timeoutSeconds: Double = 120
    /// Between SIGTERM and SIGKILL at the deadline.
    public var graceSeconds: Double = 5

    public static let defaultCommand = "/usr/sbin/sendmail"

    public init(command: String) {
        let parts = command.split(separator: " ").map(String.init)
        self.command = parts.isEmpty ? [Sendmail.defaultCommand] : parts
    }

    /// Why a mail did not leave, in words for the log line (values quoted in it are escaped).
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    /// Pipes `message` into `command -t -i` and waits. Throws with the transport's own first
    /// line of complaint when it cannot be started, fails, does not take the whole mail, or takes
    /// too long.
    public func send(_ message: [UInt8]) throws(Failure) {
        let path = command.first ?? ""
        let shown = path.escapingControlCharacters
        guard access(path, X_OK) == 0 else {
            throw Failure(
                reason:
                    "the mail program \(shown) does not exist or is not executable; install msmtp (apt-get install msmtp) or set sendmail to the server's sendmail"
            )
        }
        let run = try MailProgramRun.run(
            command + ["-t", "-i"], input: message, deadline: .milliseconds(Int(timeoutSeconds * 1000)),
            grace: .milliseconds(Int(graceSeconds * 1000)))
        let said = run.output.split(whereSeparator: \.isNewline).first.map { String($0.prefix(300)).escapingControlCharacters } ?? ""
        let words = said.isEmpty ? "" : ": \(said)"
        switch run.ending {
        case .stopped:
            throw Failure(
                reason:
                    "\(shown) did not finish within \(Int(timeoutSeconds)) s and was stopped with its child processes (SIGTERM, then SIGKILL)\(words)"
            )
        case .killedBySignal(let number):
            throw Failure(reason: "\(shown) was killed by signal \(number)\(words)")
        case .exited(let status) where status != 0:
            throw Failure(reason: "\(shown) exited with status \(status)\(words)")
        case .exited:
            // Exit 0 without the whole mail (EPIPE on the hand-over) is no success: what it sent,
            // if anything, is not the morning mail.
            guard run.bytesTaken == message.count else {
                throw Failure(
                    reason:
                        "\(shown) did not read the whole mail (it stopped reading after \(run.bytesTaken) of \(message.count) bytes) although it exited with status 0\(words)"
                )
            }
        }
    }
}

import Dispatch
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM, SIGINT and SIGHUP (a systemd stop, Ctrl-C, a cron wrapper's timeout, a closed
/// terminal) end a run cleanly: the running query is cancelled, the staging folders are removed,
/// a running mail program is stopped, and the process exits with 128 + the signal's number (143
/// for SIGTERM, 130 for SIGINT, 129 for SIGHUP), as a shell would report it. SIGHUP's default
/// was to die on the spot (129), with no log, no metrics and the server session left waiting.
///
/// Why cancel: a backend waiting for a table lock does not notice that its client died, so it
/// kept waiting, holding the report's advisory lock, and the next run got 75 naming a dead
/// process. Both locks go with the process: the kernel drops the `flock`, the server the
/// advisory lock once the cancelled backend sees the connection closed.
///
/// The handler runs on a dispatch queue, not in signal context, so it may log and remove files;
/// publishing holds the staging registry's mutex, so a stop never removes a half-renamed folder.
public enum StopSignals {
    /// The main session's canceller first, then the second session's (`SecondSession`).
    private static let cancellers = Mutex<[PGCanceller]>([])
    private static let stopping = Atomic<Bool>(false)
    /// Set once the reports are published: a stop after that (during the mail) must not say
    /// that the previous reports are unchanged.
    private static let published = Mutex<[(year: Int, rows: RowCounts)]?>(nil)
    /// The process group of the running mail program, stopped with the run.
    private static let mailProgram = Mutex<pid_t?>(nil)
    /// Written once, by `install` on the main thread, before any signal is handled.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// The signals that stop a run, with their names.
    static let names: [(number: Int32, name: String)] = [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")]

    /// Handles the stop signals from now on. Call once, early. `lastWords` runs with the exit
    /// status just before the exit (the metrics file records the stop), and with the rows of the
    /// years already published when the stop came during the mail.
    public static func install(
        logger: Logger, lastWords: @escaping @Sendable (Int32, [(year: Int, rows: RowCounts)]?) -> Void = { _, _ in }
    ) {
        let queue = DispatchQueue(label: "aqb-report.stop-signals")
        for (number, _) in names {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { stop(signal: number, logger: logger, lastWords: lastWords) }
            source.resume()
            sources.append(source)
        }
    }

    /// The query to cancel on a stop; `nil` when the run no longer talks to the database.
    static func watch(_ value: PGCanceller?) { cancellers.withLock { $0 = value.map { [$0] } ?? [] } }

    /// Also cancels the queries of the run's second session (`SecondSession`) on a stop.
    static func watchAlso(_ value: PGCanceller) { cancellers.withLock { $0.append(value) } }

    /// The second session has ended.
    static func unwatch(_ value: PGCanceller) { cancellers.withLock { $0.removeAll { $0 === value } } }

    /// The reports are published; what follows is the mail.
    public static func reportsPublished(_ perYear: [(year: Int, rows: RowCounts)]) { published.withLock { $0 = perYear } }

    /// The mail program now running in its own process group (its pid), or `nil` once it ended.
    static func watchMailProgram(_ pid: pid_t?) { mailProgram.withLock { $0 = pid } }

    /// Whether a stop is under way: the main thread then leaves the exit to the handler instead
    /// of reporting the cancelled query as an error of its own.
    public static var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Blocks the calling thread for good when a stop is under way (the handler exits the process).
    public static func waitIfStopping() {
        while isStopping { pause() }
    }

    /// What the handler does, apart from exiting: also called by tests.
    static func cleanUp(_ registry: StagingRegistry = .shared, temporary: TemporaryFolders = .shared) -> [String] {
        let removed = registry.removeAll()
        _ = temporary.removeAll()
        cancellers.withLock { $0.forEach { $0.cancel() } }
        return removed
    }

    private static func stop(signal number: Int32, logger: Logger, lastWords: @Sendable (Int32, [(year: Int, rows: RowCounts)]?) -> Void) {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let name = names.first { $0.number == number }?.name ?? "signal \(number)"
        let removed = cleanUp()
        let mailStopped = stopMailProgram()
        let done = published.withLock { $0 }
        if done != nil {
            let how = mailStopped ? "the mail program was stopped and the mail was not sent" : "the mail was not sent"
            logger.error(
                "stopped by \(name) after the reports were published: \(how); the new reports are in place. Exit status \(128 + number)."
            )
        } else {
            let staging = removed.isEmpty ? "" : " and the unfinished report folders removed"
            logger.error(
                "stopped by \(name): the running query was cancelled\(staging); the previous reports are unchanged. Exit status \(128 + number)."
            )
        }
        lastWords(128 + number, done)
        _exit(128 + number)
    }

    /// SIGTERM to the mail program's process group, SIGKILL to what is left a second later.
    /// Returns whether one was running.
    private static func stopMailProgram() -> Bool {
        guard let pid = mailProgram.withLock({ $0 }) else { return false }
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<50 {
            _ = waitpid(pid, &status, WNOHANG)
            if kill(-pid, 0) != 0 { return true }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        return true
    }
}

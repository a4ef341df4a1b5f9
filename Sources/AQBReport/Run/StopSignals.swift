import Dispatch
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM and SIGINT (a systemd stop, Ctrl-C, a cron wrapper's timeout) end a run cleanly: the
/// running query is cancelled, the staging folders are removed, and the process exits with
/// 128 + the signal's number (143 for SIGTERM, 130 for SIGINT), as a shell would report it.
///
/// Why cancel: a backend waiting for a table lock does not notice that its client died, so it
/// kept waiting, holding the report's advisory lock, and the next run got 75 naming a dead
/// process. Both locks go with the process: the kernel drops the `flock`, the server the
/// advisory lock once the cancelled backend sees the connection closed.
///
/// The handler runs on a dispatch queue, not in signal context, so it may log and remove files;
/// publishing holds the staging registry's mutex, so a stop never removes a half-renamed folder.
public enum StopSignals {
    private static let canceller = Mutex<PGCanceller?>(nil)
    private static let stopping = Atomic<Bool>(false)
    /// Written once, by `install` on the main thread, before any signal is handled.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Handles SIGTERM and SIGINT from now on. Call once, early. `lastWords` runs with the exit
    /// status just before the exit (the metrics file records the stop).
    public static func install(logger: Logger, lastWords: @escaping @Sendable (Int32) -> Void = { _ in }) {
        let queue = DispatchQueue(label: "aqb-report.stop-signals")
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { stop(signal: number, logger: logger, lastWords: lastWords) }
            source.resume()
            sources.append(source)
        }
    }

    /// The query to cancel on a stop; `nil` when the run no longer talks to the database.
    static func watch(_ value: PGCanceller?) { canceller.withLock { $0 = value } }

    /// Whether a stop is under way: the main thread then leaves the exit to the handler instead
    /// of reporting the cancelled query as an error of its own.
    public static var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Blocks the calling thread for good when a stop is under way (the handler exits the process).
    public static func waitIfStopping() {
        while isStopping { pause() }
    }

    /// What the handler does, apart from exiting: also called by tests.
    static func cleanUp(_ registry: StagingRegistry = .shared) -> [String] {
        let removed = registry.removeAll()
        canceller.withLock { _ = $0?.cancel() }
        return removed
    }

    private static func stop(signal number: Int32, logger: Logger, lastWords: @Sendable (Int32) -> Void) {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        let removed = cleanUp()
        let staging = removed.isEmpty ? "" : " and the unfinished report folders removed"
        logger.error(
            "stopped by \(name): the running query was cancelled\(staging); the previous reports are unchanged. Exit status \(128 + number)."
        )
        lastWords(128 + number)
        _exit(128 + number)
    }
}

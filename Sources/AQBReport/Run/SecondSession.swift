import Dispatch
import Foundation
import Logging
import Synchronization

/// The run's second database session, on a thread of its own, so that reading overlaps the work
/// in Swift (issue 19): while one year is disclosed, rendered and staged on the main thread, the
/// next one is read here, and a single year's previous cohort is read here while the main session
/// reads the cohort itself. PostgreSQL works in its own process, so on two cores the reads and
/// the rendering run side by side instead of one after the other.
///
/// Why a thread and not a task: libpq blocks, and a `PGConnection` is not `Sendable`. The
/// connection is made, used and closed on this thread only (`serve`); what crosses to the main
/// thread are `Sendable` values (`ReadYear`, `ReportError`) through a `Pending`. Jobs run one
/// after the other, in the order they were started; after a failed job every later one fails
/// with the same error, so nothing is read from a transaction that went wrong.
///
/// The session reads the run's one snapshot: `importSnapshot` starts a transaction on the
/// snapshot the main session exported (`DatabaseSession.begin(_:snapshot:)`), so every year shows
/// the same data whichever session read it.
final class SecondSession: Sendable {
    /// A unit of work: `run` on the connection (returns the error it ended with, if any), or
    /// `fail` when an earlier job failed or the session never connected.
    private struct Job: Sendable {
        let run: @Sendable (PGConnection) -> ReportError?
        let fail: @Sendable (ReportError) -> Void
    }

    private let queue = Mutex<(jobs: [Job], stopping: Bool)>(([], false))
    private let jobReady = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)
    private let canceller = Mutex<PGCanceller?>(nil)

    /// Starts the thread, which connects with the run's settings and retries
    /// (`DatabaseSession.connect`); a failure to connect is reported by the first job's `wait`.
    init(request: ReportRequest, logger: Logger) {
        let thread = Thread { [self] in serve(request: request, logger: logger) }
        thread.name = "aqb-report.second-session"
        thread.start()
    }

    /// Runs `body` on the session after the jobs started before it. The result is handed over
    /// by `Pending.wait`.
    func run<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws(ReportError) -> T) -> Pending<T> {
        let pending = Pending<T>()
        let job = Job(
            run: { connection in
                do throws(ReportError) {
                    pending.fulfil(.success(try body(connection)))
                    return nil
                } catch {
                    pending.fulfil(.failure(error))
                    return error
                }
            },
            fail: { pending.fulfil(.failure($0)) })
        queue.withLock { $0.jobs.append(job) }
        jobReady.signal()
        return pending
    }

    /// Begins the session's transaction on the snapshot `id` exported by the main session.
    /// `holdOpen`: the session will wait between its jobs while the run computes, so the
    /// idle-in-transaction timeout is lifted for this transaction, as `ReadStage.holdOpen` does
    /// on the main session between two years.
    func importSnapshot(_ id: String, holdOpen: Bool) -> Pending<Void> {
        run { connection throws(ReportError) in
            try ReadStage.reading {
                try DatabaseSession.begin(connection, snapshot: id)
                if holdOpen { try connection.execute("SET LOCAL idle_in_transaction_session_timeout = 0") }
            }
        }
    }

    /// Ends the transaction once the session's last read is done.
    func finish() -> Pending<Void> {
        run { connection throws(ReportError) in try ReadStage.reading { try connection.execute("COMMIT") } }
    }

    /// Ends the thread and waits for it; the connection is closed there. With `cancelling`
    /// (the run failed), the jobs not yet started are dropped and the running query is cancelled
    /// until the thread has ended, so a failed run does not wait for a read nobody needs.
    func close(cancelling: Bool) {
        let dropped = queue.withLock { state in
            state.stopping = true
            defer { if cancelling { state.jobs.removeAll() } }
            return cancelling ? state.jobs : []
        }
        for job in dropped { job.fail(ReportError(.software, "the run ended before the second database session read this")) }
        jobReady.signal()
        guard cancelling else {
            exited.wait()
            return
        }
        while exited.wait(timeout: .now() + .milliseconds(200)) == .timedOut {
            canceller.withLock { _ = $0?.cancel() }
        }
    }

    /// The thread: connect, then run the jobs in order until `close`.
    private func serve(request: ReportRequest, logger: Logger) {
        defer { exited.signal() }
        var failure: ReportError?
        var connection: PGConnection?
        do throws(ReportError) {
            let made = try DatabaseSession.connect(request, logger: logger)
            connection = made
            if let cancel = made.makeCanceller() {
                canceller.withLock { $0 = cancel }
                StopSignals.watchAlso(cancel)
            }
        } catch {
            failure = error
        }
        defer { canceller.withLock { if let cancel = $0 { StopSignals.unwatch(cancel) } } }
        while true {
            jobReady.wait()
            let next = queue.withLock { state -> (job: Job?, stop: Bool) in
                if !state.jobs.isEmpty { return (state.jobs.removeFirst(), false) }
                return (nil, state.stopping)
            }
            if next.stop { return }
            guard let job = next.job else { continue }
            if let failure {
                // Every later job fails as the first one did; none talks to the server again.
                job.fail(failure)
            } else if let connection {
                failure = job.run(connection)
            }
        }
    }
}

/// A result one thread hands to another exactly once: `fulfil` on the second session's thread,
/// `wait` on the run's.
final class Pending<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, ReportError>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func fulfil(_ value: Result<T, ReportError>) {
        result.withLock { $0 = value }
        done.signal()
    }

    /// Blocks until the value is there; call once.
    func wait() throws(ReportError) -> T {
        done.wait()
        let value = result.withLock { $0 }
        guard let value else { throw ReportError(.software, "a result of the second database session was taken twice") }
        return try value.get()
    }
}

import CLibPQ

/// Asks the server to cancel the query a connection is running, from another thread.
///
/// `@unchecked Sendable` because libpq makes it so: the `PGcancel` object is filled once by
/// `PQgetCancel` and never changed, and `PQcancel` is documented as safe to call from any thread
/// (even a signal handler) while the connection's own thread waits for its result.
public final class PGCanceller: @unchecked Sendable {
    private let handle: OpaquePointer

    init?(connection: OpaquePointer) {
        guard let handle = PQgetCancel(connection) else { return nil }
        self.handle = handle
    }

    deinit { PQfreeCancel(handle) }

    /// Sends the cancel request; returns whether the server received it.
    @discardableResult
    public func cancel() -> Bool {
        var message = [CChar](repeating: 0, count: 256)
        return PQcancel(handle, &message, Int32(message.count)) == 1
    }
}

/// Limits set on the database session, so a stuck run ends instead of holding locks all morning.
public struct SessionSettings: Sendable, Equatable {
    /// Longest a single statement may run, in milliseconds (0: no limit).
    public var statementTimeoutMs = 600_000
    /// Longest to wait for a lock, in milliseconds.
    public var lockTimeoutMs = 30_000
    /// Longest the transaction may sit idle between statements, in milliseconds.
    public var idleInTransactionTimeoutMs = 300_000
    public var applicationName = "aqb-report"

    public init() {}

    /// JIT is off: the report's queries are many short index lookups, for which compiling costs
    /// more than it saves (measured: 250 ms of a 577 ms query at the default benchmark scale).
    var statements: String {
        "SET jit = off; SET statement_timeout = \(statementTimeoutMs); SET lock_timeout = \(lockTimeoutMs); "
            + "SET idle_in_transaction_session_timeout = \(idleInTransactionTimeoutMs)"
    }
}

/// What became of one mail of a run, for the metrics file and the log.
public struct MailOutcome: Sendable, Equatable {
    /// `bericht` (the morning mail) or `alarm` (failure alert or all-clear).
    public var mail: String
    public var result: Result

    public enum Result: String, Sendable {
        case sent
        /// Sent, but without its attachments: they would have passed `mail_max_bytes`.
        case sentWithoutAttachments = "sent_without_attachments"
        case failed
        /// An internal report, and `mail_internal` is not set.
        case notSentInternal = "not_sent_internal"
    }

    public init(mail: String, result: Result) {
        self.mail = mail
        self.result = result
    }
}

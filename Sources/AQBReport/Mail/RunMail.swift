import Foundation
import Logging

/// Everything mailed after a run: the morning mail after a success, the alert at the start of a
/// failure streak, the all-clear at its end.
///
/// The command calls `sendReport` once the folders are published and `finish` with the run's
/// exit status. A mail that cannot leave never touches the report on disk: it is one log line
/// and status 79 (`ReportError.Status.mailNotSent`).
public struct RunMail {
    public var settings: MailSettings
    public var outputBase: String
    let logger: Logger
    let now: @Sendable () -> Date

    public init(settings: MailSettings, outputBase: String, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.outputBase = outputBase
        self.logger = logger
        self.now = now
    }

    /// Sends the morning mail when `mail_to` is set. Returns its outcome and, when it did not
    /// leave as configured, the error the run ends with (79).
    public func sendReport(_ summary: ReportRunner.Summary, disclosureControl: Bool) -> (MailOutcome?, ReportError?) {
        guard let mailTo = settings.mailTo else { return (nil, nil) }
        if !disclosureControl, !settings.mailInternal {
            logger.info("the internal report (without disclosure control) is not mailed; set mail_internal to mail it, marked intern")
            return (MailOutcome(mail: "bericht", result: .notSentInternal), nil)
        }
        func failed(_ reason: String) -> (MailOutcome?, ReportError?) {
            (
                MailOutcome(mail: "bericht", result: .failed),
                ReportError(.mailNotSent, "the report was written, but the morning mail was not sent: \(reason).")
            )
        }
        let recipients: [MailAddress]
        switch MailAddress.list(mailTo) {
        case .success(let list): recipients = list
        case .failure(let bad):
            return failed("mail_to '\(bad.text.escapingControlCharacters)' is not a mail address (name@example.de); fix mail_to")
        }
        let from: MailAddress
        switch settings.sender() {
        case .success(let address): from = address
        case .failure(let bad):
            return failed("mail_from '\(bad.text.escapingControlCharacters)' is not a mail address (name@example.de); fix mail_from")
        }
        var mail = MorningMail(
            headline: MailHeadline(
                years: summary.digests, disclosureControl: disclosureControl, auffaelligkeiten: summary.auffaelligkeiten),
            folders: summary.folders,
            attachmentNames: settings.attachments.flatMap(MailSettings.files(for:)), maxBytes: settings.maxBytes)
        mail.kreise = settings.kreise
        mail.linkBase = settings.linkBase
        mail.warnings = summary.warnings
        let message: MailMessage
        let dropped: Bool
        do { (message, dropped) = try mail.message(from: from, to: recipients, date: now()) } catch { return failed(error.reason) }
        do { try Sendmail(command: settings.sendmail).send(message.rendered()) } catch { return failed(error.reason) }
        logger.info("mailed the report to \(recipients.map(\.text).joined(separator: ", "))")
        if dropped {
            return (
                MailOutcome(mail: "bericht", result: .sentWithoutAttachments),
                ReportError(
                    .mailNotSent,
                    "the report was written and mailed, but without its attachments: they would pass mail_max_bytes (\(settings.maxBytes)); raise mail_max_bytes or choose fewer mail_attachments."
                )
            )
        }
        return (MailOutcome(mail: "bericht", result: .sent), nil)
    }

    /// After the run ended with `status`: the alert when a streak starts, the all-clear when one
    /// ends, nothing in between. Status 75 (another run is writing) says nothing about health
    /// and changes nothing.
    public func finish(status: Int32, logLines: [String]) -> MailOutcome? {
        guard let alertTo = settings.alertTo, status != ReportError.Status.locked.rawValue else { return nil }
        let alerts = FailureAlert(host: MailSettings.hostName(), outputBase: outputBase)
        // The state is read and replaced under the run lock, like the reports beside it.
        var base: Directory?
        var lock: RunLock?
        do {
            let directory = try Directory.open(outputBase, followLink: false, ownedByUs: true)
            lock = try RunLock(base: directory, description: "pid \(getpid()), mail after the run")
            base = directory
        } catch {
            logger.warning("cannot keep the failure streak in \(outputBase) (\(error)); every failure will send an alert")
        }
        defer { withExtendedLifetime(lock) {} }
        let streak = base.map(FailureStreak.read) ?? FailureStreak.none
        let mail: (subject: String, text: String)
        let next: FailureStreak
        switch (status, streak) {
        case (0, .none): return nil
        case (0, .failing(let since, let first)):
            mail = alerts.allClear(streak: since, status: first)
            next = .none
        case (_, .failing): return nil
        default:
            mail = alerts.alert(status: status, logLines: logLines)
            next = .failing(since: BerlinTime.iso(now()), status: status)
        }
        guard send(to: alertTo, subject: mail.subject, text: mail.text) else { return MailOutcome(mail: "alarm", result: .failed) }
        if let base {
            for name in base.entries() where name.hasPrefix(FailureStreak.fileName + ".tmp-") { base.remove(name) }
            do { try next.write(base) } catch {
                logger.warning("cannot record the failure streak in \(outputBase): \(error); the next run may alert again")
            }
        }
        return MailOutcome(mail: "alarm", result: .sent)
    }

    /// A plain-text mail to `alert_to`; a failure is one log line (the run's status stays).
    private func send(to: String, subject: String, text: String) -> Bool {
        let recipients: [MailAddress]
        switch MailAddress.list(to) {
        case .success(let list): recipients = list
        case .failure(let bad):
            logger.error(
                "the alert was not sent: alert_to '\(bad.text.escapingControlCharacters)' is not a mail address (name@example.de); fix alert_to."
            )
            return false
        }
        guard case .success(let from) = settings.sender() else {
            logger.error("the alert was not sent: mail_from is not a mail address (name@example.de); fix mail_from.")
            return false
        }
        let message = MailMessage(from: from, to: recipients, subject: subject, date: now(), text: text)
        do { try Sendmail(command: settings.sendmail).send(message.rendered()) } catch {
            logger.error("the alert was not sent: \(error.reason); check the sendmail setting and the mail server.")
            return false
        }
        logger.info("sent \"\(subject)\" to \(recipients.map(\.text).joined(separator: ", "))")
        return true
    }
}

import Foundation
import Logging

/// The `report` subcommand's work as one library call: the run, the folder names, the morning
/// mail, the failure alert and the metrics file.
///
/// Why in the library: the command only turns its options into settings and calls `run`, as
/// swift-format's frontends do, so the order of these steps (the alert quotes the failure's log
/// line; the metrics record the mail's outcome) is code that tests can call, not a command's
/// `defer`. The metrics file is written in one place, once per run: at the end, or by the stop
/// handler when a signal ends the run.
public struct ReportJob: Sendable {
    let settings: Settings
    let logger: Logger
    /// Prints the folders written, one per line (stdout in the command); returns why it failed.
    let printFolders: @Sendable ([String]) -> String?
    let now: @Sendable () -> Date

    public init(
        settings: Settings, logger: Logger, printFolders: @escaping @Sendable ([String]) -> String?,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.settings = settings
        self.logger = logger
        self.printFolders = printFolders
        self.now = now
    }

    /// Runs the report for the Stichtag `asOf` (`YYYY-MM-DD`; `nil`: today in Europe/Berlin) and
    /// returns the exit status. A failure is one log line (`RunFailure`), then the alert, then
    /// the metrics.
    public func run(asOf: String?) -> Int32 {
        let started = now()
        let runMail =
            settings.mail.isConfigured
            ? RunMail(settings: settings.mail, outputBase: settings[.out]?.text ?? "reports", logger: logger) : nil
        let mailing = settings.mail.mailTo != nil
        StopSignals.install(logger: logger) { status, published in
            // Stopped during the mail: the reports are published, so their success times are
            // recorded, and the mail is not sent.
            record(
                status: status, started: started, perYear: published ?? [],
                mail: published != nil && mailing ? [MailOutcome(mail: "bericht", result: .failed)] : [], published: published != nil)
        }
        var published: [(year: Int, rows: RowCounts)] = []
        var outcomes: [MailOutcome] = []
        let status: Int32
        do {
            try report(asOf: asOf, mail: runMail, published: &published, outcomes: &outcomes)
            status = 0
        } catch {
            status = RunFailure.log(error, to: logger)
        }
        if let alert = runMail?.finish(status: status, logLines: LogTail.lines) { outcomes.append(alert) }
        record(status: status, started: started, perYear: published, mail: outcomes)
        return status
    }

    /// The report, the folder names and the morning mail. `published` is set once the folders
    /// are in place, so a stale feed or an unsent mail still records their success.
    private func report(
        asOf text: String?, mail: RunMail?, published: inout [(year: Int, rows: RowCounts)], outcomes: inout [MailOutcome]
    ) throws(ReportError) {
        let asOf =
            try text.map { text throws(ReportError) in
                guard let date = CalendarDate(iso: text) else {
                    throw ReportError(.usage, "--as-of '\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2025-09-30.")
                }
                return date
            } ?? BerlinTime.today()
        let request = settings.request(asOf: asOf)
        let summary = try ReportRunner(logger: logger, now: now).run(request)
        published = summary.perYear
        logger.info(
            "done: years \(summary.years.map(String.init).joined(separator: ",")), \(summary.areas) areas, \(summary.rowsRead.total) rows read, \(summary.files) files, \(summary.durationMs) ms"
        )
        StopSignals.reportsPublished(summary.perYear)
        if let failure = printFolders(summary.folders) {
            logger.warning(
                "cannot write to stdout (\(failure)): the folder names were not printed; the reports are written. Check what reads the report's output."
            )
        }
        let (outcome, mailFailure) = mail?.sendReport(summary, disclosureControl: request.disclosureControl) ?? (nil, nil)
        if let outcome { outcomes.append(outcome) }
        if summary.staleFailure {
            throw ReportError(
                .dataError, "the booking data are stale (see the warning above); the report was written, check the data feed.")
        }
        if let mailFailure { throw mailFailure }
    }

    /// Writes the metrics file, when one is configured. A failure is a warning: the run's status
    /// stays, because the reports are what it was for; monitoring that reads the file sees its
    /// age, and the log says why.
    private func record(
        status: Int32, started: Date, perYear: [(year: Int, rows: RowCounts)], mail: [MailOutcome], published: Bool? = nil
    ) {
        guard let path = settings[.metricsFile]?.text else { return }
        let finished = now()
        do {
            try MetricsFile(path: path).write(
                status: status, finishedAt: Int(finished.timeIntervalSince1970),
                durationMs: Int(finished.timeIntervalSince(started) * 1000), perYear: perYear, mail: mail, published: published)
        } catch {
            logger.warning("\(error.message.escapingControlCharacters) The run's exit status (\(status)) is not recorded there.")
        }
    }
}

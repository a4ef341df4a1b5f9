import AQBReport
import ArgumentParser
import Foundation
import Logging

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the report for one or more AQB years (the default subcommand).")

    @OptionGroup var settings: SettingsOptions

    @Option(name: .customLong("year"), help: "AQB year (cohort); repeat for several. Default: the Stichtag's year.")
    var years: [Int] = []

    @Option(name: .customLong("as-of"), help: "Stichtag YYYY-MM-DD. Default: today in Europe/Berlin.")
    var asOf: String?

    @Option(name: .customLong("out"), help: "Output base folder. Default: reports.")
    var out: String?

    @Option(name: .customLong("csv-format"), help: "de (semicolon, decimal comma, BOM) or rfc4180. Default: de.")
    var csvFormat: String?

    @Option(
        name: .customLong("format"),
        help: "Format to write; repeat for several: csv, md, werte, xlsx, html, svg. Default: all.")
    var formats: [String] = []

    @Flag(name: .customLong("no-disclosure-control"), help: "Internal use only: publish small counts, into <as-of>-intern.")
    var noDisclosureControl = false

    @Option(name: .customLong("keep"), help: "Keep only the newest N report folders per year.")
    var keep: Int?

    @Option(name: .customLong("metrics-file"), help: "Write Prometheus metrics here (node_exporter textfile collector).")
    var metricsFile: String?

    @Option(name: .customLong("max-booking-age-days"), help: "Warn when the newest booking is older than this.")
    var maxBookingAgeDays: Int?

    @Flag(name: .customLong("stale-is-error"), help: "With --max-booking-age-days: a stale feed ends with status 65.")
    var staleIsError = false

    @Option(
        name: .customLong("pro-rata-margin"),
        help: "Finding ABFLUSS_UNTER_ZEITANTEIL: percentage points of the budget below the pro-rata line. Default: 50.")
    var proRataMargin: Int?

    @Option(
        name: .customLong("count-day"),
        help:
            "Counting day of the counts of people: month_end (the last month-end on or before the Stichtag) or stichtag. Default: month_end."
    )
    var countDay: String?
    @OptionGroup var mail: MailOptions

    func run() throws {
        var merged = Settings()
        var metricsPath: String?
        let started = Date()
        var perYear: [(year: Int, rows: RowCounts)] = []
        var status: Int32 = 0
        // The morning mail and the failure alert (Mail/), once the settings are known.
        var runMail: RunMail?
        var mailOutcomes: [MailOutcome] = []
        defer {
            if let metricsPath {
                let finished = Date()
                do {
                    try MetricsFile(path: metricsPath).write(
                        status: status, finishedAt: Int(finished.timeIntervalSince1970),
                        durationMs: Int(finished.timeIntervalSince(started) * 1000), perYear: perYear, mail: mailOutcomes)
                } catch {
                    // The run's status stays: the reports are what it was for. Monitoring that
                    // reads the file sees its age; the log says why.
                    CommandLogging.logger(level: merged[.logLevel]?.text).warning(
                        "\(error.message.escapingControlCharacters) The run's exit status (\(status)) is not recorded there.")
                }
            }
        }
        do {
            try CommandLogging.run({ CommandLogging.logger(level: nil) }) { _ in
                merged = try settings.merged(commandLine: try commandLineSettings())
                metricsPath = merged[.metricsFile]?.text
            }
            try CommandLogging.run({ CommandLogging.logger(level: merged[.logLevel]?.text) }) { logger in
                if merged.mail.isConfigured {
                    runMail = RunMail(settings: merged.mail, outputBase: merged[.out]?.text ?? "reports", logger: logger)
                }
                let stopMetrics = metricsPath
                let mailing = merged.mail.mailTo != nil
                StopSignals.install(logger: logger) { status, published in
                    guard let stopMetrics else { return }
                    let finished = Date()
                    // Stopped during the mail: the reports are published, so their success
                    // times are recorded, and the mail is not sent.
                    do {
                        try MetricsFile(path: stopMetrics).write(
                            status: status, finishedAt: Int(finished.timeIntervalSince1970),
                            durationMs: Int(finished.timeIntervalSince(started) * 1000), perYear: published ?? [],
                            mail: published != nil && mailing ? [MailOutcome(mail: "bericht", result: .failed)] : [],
                            published: published != nil)
                    } catch {
                        logger.warning("\("\(error)".escapingControlCharacters)")
                    }
                }
                let asOfDate =
                    try asOf.map { text throws(ReportError) in
                        guard let date = CalendarDate(iso: text) else {
                            throw ReportError(.usage, "--as-of '\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2025-09-30.")
                        }
                        return date
                    } ?? BerlinTime.today()
                let request = merged.request(asOf: asOfDate)
                let summary = try ReportRunner(logger: logger).run(request)
                perYear = summary.perYear
                logger.info(
                    "done: years \(summary.years.map(String.init).joined(separator: ",")), \(summary.areas) areas, \(summary.rowsRead.total) rows read, \(summary.files) files, \(summary.durationMs) ms"
                )
                StopSignals.reportsPublished(summary.perYear)
                if let failure = StandardOutput.writeLines(summary.folders) {
                    logger.warning(
                        "cannot write to stdout (\(failure)): the folder names were not printed; the reports are written. Check what reads the report's output."
                    )
                }
                let (outcome, mailFailure) = runMail?.sendReport(summary, disclosureControl: request.disclosureControl) ?? (nil, nil)
                if let outcome { mailOutcomes.append(outcome) }
                if summary.staleFailure {
                    throw ReportError(
                        .dataError, "the booking data are stale (see the warning above); the report was written, check the data feed.")
                }
                if let mailFailure { throw mailFailure }
            }
        } catch let error as ExitCode {
            status = error.rawValue
            if let alert = runMail?.finish(status: status, logLines: LogTail.lines) { mailOutcomes.append(alert) }
            throw error
        }
        if let alert = runMail?.finish(status: 0, logLines: LogTail.lines) { mailOutcomes.append(alert) }
    }

    /// The flags given on this command line, checked like configuration values (status 64).
    func commandLineSettings() throws(ReportError) -> Settings {
        var flags = Settings()
        do {
            if !years.isEmpty {
                flags[.years] = try SettingsOptions.validated(years.map(String.init).joined(separator: ","), .years, flag: "--year")
            }
            if let out { flags[.out] = .text(out) }
            if let csvFormat { flags[.csvFormat] = try SettingsOptions.validated(csvFormat, .csvFormat, flag: "--csv-format") }
            if !formats.isEmpty {
                flags[.formats] = try SettingsOptions.validated(formats.joined(separator: ","), .formats, flag: "--format")
            }
            if noDisclosureControl { flags[.disclosureControl] = .boolean(false) }
            if let keep { flags[.keep] = try SettingsOptions.validated(String(keep), .keep, flag: "--keep") }
            if let metricsFile { flags[.metricsFile] = .text(metricsFile) }
            if let maxBookingAgeDays {
                flags[.maxBookingAgeDays] = try SettingsOptions.validated(
                    String(maxBookingAgeDays), .maxBookingAgeDays, flag: "--max-booking-age-days")
            }
            if staleIsError { flags[.staleIsError] = .boolean(true) }
            if let countDay { flags[.countDay] = try SettingsOptions.validated(countDay, .countDay, flag: "--count-day") }
            if let proRataMargin {
                flags[.proRataMargin] = try SettingsOptions.validated(String(proRataMargin), .proRataMargin, flag: "--pro-rata-margin")
            }
            try mail.add(to: &flags)
        } catch {
            throw error.reportError
        }
        return flags
    }
}

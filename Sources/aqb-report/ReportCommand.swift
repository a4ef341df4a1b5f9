import AQBReport
import ArgumentParser

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
        try CommandLogging.run({ CommandLogging.logger(level: nil) }) { _ in
            merged = try settings.merged(commandLine: try commandLineSettings())
        }
        let job = ReportJob(
            settings: merged, logger: CommandLogging.logger(level: merged[.logLevel]?.text), printFolders: StandardOutput.writeLines)
        let status = job.run(asOf: asOf)
        if status != 0 { throw ExitCode(status) }
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

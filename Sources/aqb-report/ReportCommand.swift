import AQBReport
import ArgumentParser
import Logging

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Write the report for one or more AQB years.")

    @Option(name: .customLong("year"), help: "AQB year (cohort); repeat for several. Default: the Stichtag's year.")
    var years: [Int] = []

    @Option(name: .customLong("as-of"), help: "Stichtag YYYY-MM-DD. Default: today in Europe/Berlin.")
    var asOf: String?

    @Option(name: .customLong("out"), help: "Output base folder.")
    var out: String = "reports"

    @Option(name: .customLong("csv-format"), help: "de (semicolon, decimal comma, BOM) or rfc4180.")
    var csvFormat: String = "de"

    @Option(name: .customLong("db"), help: "libpq connection string or URI. Default: PG* variables, ~/.pgpass.")
    var db: String = ""

    @Flag(name: .customLong("no-disclosure-control"), help: "Internal use only: publish small counts.")
    var noDisclosureControl = false

    func run() throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "aqb-report")
        logger.logLevel = .info
        do {
            let asOfDate: CalendarDate
            if let asOf {
                guard let parsed = CalendarDate(iso: asOf) else {
                    throw ReportError(.usage, "--as-of '\(asOf)' is not a date; write it as YYYY-MM-DD, e.g. 2025-09-30.")
                }
                asOfDate = parsed
            } else {
                asOfDate = BerlinTime.today()
            }
            guard let format = CSVFormat(rawValue: csvFormat) else {
                throw ReportError(.usage, "--csv-format '\(csvFormat)' is unknown; use de or rfc4180.")
            }
            var request = ReportRequest(years: years.isEmpty ? [asOfDate.year] : years, asOf: asOfDate, outputBase: out)
            request.csvFormat = format
            request.conninfo = db
            request.disclosureControl = !noDisclosureControl
            let summary = try ReportRunner(logger: logger).run(request)
            logger.info("done: years \(summary.years.map(String.init).joined(separator: ",")), \(summary.areas) areas, \(summary.rowsRead.total) rows read, \(summary.files) files in \(summary.durationMs) ms")
            for folder in summary.folders { print(folder) }
        } catch let error as ReportError {
            logger.error("\(error.message)")
            throw ExitCode(error.status.rawValue)
        }
    }
}

import Logging

/// The runner's step after disclosure control: attaches to each year's report the comparison
/// with the previous cohort (`VorjahrVergleich`) and the changes since the newest earlier
/// published report of the year (`BerichtsVeraenderungen`).
///
/// The previous cohorts were read in the same snapshot as the reports; here their counts get
/// the pattern they may be published under (`VorjahrVeroeffentlichung`).
struct ComparisonStep {
    let request: ReportRequest
    let logger: Logger

    /// - Parameters:
    ///   - reports: the run's reports, disclosure control applied.
    ///   - previous: `previous[i]` is the cohort `reports[i].year - 1` at the Stichtag one year earlier.
    func attach(to reports: inout [(YearReport, RowCounts)], previous: [YearReport]) throws(ReportError) {
        for index in reports.indices {
            var report = reports[index].0
            let vorjahr = previous[index]
            let sameRun = reports.first { $0.0.year == vorjahr.year }?.0
            let published: VorjahrVeroeffentlichung
            do {
                published = try VorjahrVeroeffentlichung.publish(
                    vorjahr, base: request.outputBase, disclosureControl: request.disclosureControl, sameRun: sameRun)
            } catch {
                throw ReportError(
                    .software,
                    "disclosure control for the previous year \(vorjahr.year) at \(vorjahr.asOf) failed: \(error.description(naming: vorjahr.publishedCounts.cellName)); nothing was published. Report it with the log."
                )
            }
            for warning in published.warnings { logger.warning("\(warning)") }
            report.vorjahr = VorjahrVergleich(aktuell: report, vorjahr: published.report, quelle: published.quelle)
            let found = BerichtsVeraenderungen.find(base: request.outputBase, report: report)
            for warning in found.warnings { logger.warning("\(warning)") }
            report.veraenderungen = found.veraenderungen
            logger.info(
                "AQB year \(report.year): compared with \(vorjahr.year) at \(vorjahr.asOf)\(found.veraenderungen.map { " and with the report of \($0.frueherStichtag)" } ?? "")"
            )
            reports[index].0 = report
        }
    }
}

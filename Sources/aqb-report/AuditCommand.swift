import AQBReport
import ArgumentParser

/// `aqb-report audit DIR`: the attack of the disclosure audit on a published folder, from its
/// CSV files alone, for an analyst who wants to check a folder (or files sent to them) before
/// passing it on.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Attack a published report folder: list every * a reader can pin down (status 65 if any).",
        discussion: """
            Reads kreise.csv, massnahmenarten.csv and rechtskreise.csv (either dialect) and computes, for every \
            suppressed cell, the range of values a reader can prove from the published cells and their sums (GLPK). \
            A cell fails when its range holds a single value, or when it cannot reach the threshold.
            """)

    @Argument(help: "Report folders, e.g. reports/2025/latest; several folders of one AQB year are attacked together.")
    var folders: [String]

    @Option(help: "Counts below this are small (the report's own threshold).")
    var threshold: Int = DisclosureControl.defaultThreshold

    func validate() throws {
        guard threshold >= 1 else { throw ValidationError("--threshold must be at least 1") }
    }

    func run() throws {
        try CommandLogging.run({ CommandLogging.logger(level: nil) }) { _ in
            // Reports of one cohort are attacked together, cell by cell; cohorts share no cell, so
            // folders of different AQB years are attacked year by year (`reports/*/latest`).
            var groups: [(year: Int?, folders: [String])] = []
            for folder in folders {
                let year = PublishedFolder.year(folder)
                if let index = groups.firstIndex(where: { $0.year != nil && $0.year == year }) {
                    groups[index].folders.append(folder)
                } else {
                    groups.append((year, [folder]))
                }
            }
            var exposedTotal = 0
            for group in groups { exposedTotal += try attack(group.folders) }
            guard exposedTotal == 0 else {
                throw ReportError(
                    .dataError, "\(exposedTotal) suppressed cells can be narrowed down by a reader; do not pass these files on.")
            }
        }
    }

    /// Attacks the folders of one year together; prints each exposed cell or one `ok` line, and
    /// returns how many cells are exposed.
    func attack(_ folders: [String]) throws -> Int {
        var reports: [(counts: PublishedCounts, asOf: CalendarDate)] = []
        // Nights of one counting day publish the same table: a reader learns it once, and the
        // audit attacks it once (sixty nights are a handful of tables).
        var distinctFolders: [String] = []
        for folder in folders {
            let report: (counts: PublishedCounts, asOf: CalendarDate)
            do {
                report = (try PublishedFolder.read(folder), try PublishedFolder.countingDay(folder))
            } catch {
                throw ReportError(.dataError, "\(folder) cannot be read as a report folder: \(error)")
            }
            if reports.contains(where: { $0.counts == report.counts && $0.asOf == report.asOf }) { continue }
            reports.append(report)
            distinctFolders.append(folder)
        }
        let exposed: [CellRange]
        do { exposed = try DisclosureControl.audit(reports, threshold: threshold) } catch {
            throw ReportError(.dataError, "\(folders.joined(separator: ", ")) cannot be audited: \(error)")
        }
        let stars = reports.map { $0.counts.flatValues.filter { $0 == nil }.count }.reduce(0, +)
        for cell in exposed {
            let range = "[\(cell.min), \(cell.max.map(String.init) ?? "∞")]"
            print(
                "\(distinctFolders[cell.report]): \(reports[cell.report].counts.cellName(area: cell.area, cell: cell.cell)) is provably in \(range)"
            )
        }
        if exposed.isEmpty { print("\(folders.joined(separator: " + ")): ok, \(stars) suppressed cells, none can be narrowed down") }
        return exposed.count
    }
}

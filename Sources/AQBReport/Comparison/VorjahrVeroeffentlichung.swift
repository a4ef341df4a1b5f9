#if canImport(Glibc)
    import Glibc
#endif

/// The previous year's report at the earlier Stichtag, with exactly the counts it may publish.
///
/// The previous cohort's participant counts are counts of people. Shown beside the current year,
/// they are a report of year J−1 at Stichtag S−1y, and must keep the promise every report of that
/// cohort keeps. So, in this order:
///
/// 1. If the disclosure ledger of year J−1 records a table of exactly that counting day and its
///    counts fit today's data, its published values are what readers already have: they are
///    taken as they are, `*` for `*`. Nothing new is published.
/// 2. Otherwise disclosure control runs on the J−1 report with every recorded table of J−1 as a
///    neighbour (never the folders, which anyone may have edited), the previous-year totals of
///    the next year's folders, and a J−1 report written by the same run (at the later Stichtag
///    S); the pattern passes the same audit as any report. If a table of that counting day is
///    recorded but no longer fits (the data were revised), every cell it suppressed is
///    suppressed here too: more stars only widen what a reader can prove, so the audit still
///    holds, and no value that table withheld is ever published.
public struct VorjahrVeroeffentlichung: Sendable {
    /// The previous year's report; `disclosure` holds the pattern its counts are shown under.
    public let report: YearReport
    public let quelle: Quelle
    public let warnings: [String]

    public enum Quelle: Sendable, Equatable {
        /// Internal report: no disclosure control, every count shown.
        case ohneGeheimhaltung
        /// A pattern of its own, audited with the published reports of the cohort at these Stichtage.
        case eigeneSperrung(beruecksichtigt: [CalendarDate])
        /// The published folder of the cohort at exactly the earlier Stichtag.
        case veroeffentlichterBericht
        /// The published folder at the earlier Stichtag exists but cannot be read: nothing shown.
        case allesGesperrt
    }

    /// Publishes `previous` under the rules above.
    ///
    /// - Parameters:
    ///   - base: the output base, where the published folders of year `previous.year` lie.
    ///   - sameRun: the count table of year `previous.year` that this run publishes (at a later
    ///     Stichtag), disclosure control applied, if the run writes that year. Only the table, not
    ///     the report: the run keeps it from one year to the next.
    static func publish(
        _ previous: YearReport, base: String, disclosureControl: Bool, sameRun: LedgerEntry?, recorded: [LedgerEntry] = []
    ) throws(DisclosureError) -> VorjahrVeroeffentlichung {
        guard disclosureControl else { return VorjahrVeroeffentlichung(report: previous, quelle: .ohneGeheimhaltung, warnings: []) }
        let own = previous.publishedCounts
        var warnings: [String] = []
        // A table of exactly that counting day in the cohort's ledger: readers have it.
        let sameDay = recorded.last { $0.zaehltag == previous.zaehltag }?.counts
        if let sameDay, let pattern = pattern(of: sameDay, fitting: previous) {
            return VorjahrVeroeffentlichung(report: previous.showing(pattern), quelle: .veroeffentlichterBericht, warnings: warnings)
        }
        // Every recorded table of the cohort, never its folders (they may have been edited), and
        // the previous-year totals the next year's folders showed.
        var found = (neighbours: DisclosureLedger.neighbours(recorded, of: previous.zaehltag, shape: own), warnings: [String]())
        let vorjahr = PublishedVorjahrNeighbours.find(base: base, year: previous.year, asOf: previous.zaehltag, own: own)
        found.neighbours += vorjahr.neighbours
        found.warnings += vorjahr.warnings
        warnings += found.warnings
        // A comparison of the same counting day published before (the nights of one month) whose
        // totals still fit: published again as it stands, no solver (as the disclosure ledger does
        // for a report's own counts).
        for neighbour in found.neighbours where neighbour.asOf == previous.zaehltag && !neighbour.unpublished.isEmpty {
            if let pattern = totalsPattern(of: neighbour.counts, fitting: previous) {
                return VorjahrVeroeffentlichung(
                    report: previous.showing(pattern), quelle: .eigeneSperrung(beruecksichtigt: [neighbour.asOf]), warnings: warnings)
            }
        }
        if let later = sameRun, later.stichtag != previous.asOf {
            let counts = later.counts
            let cellMap = counts.cellMap(to: own)
            found.neighbours.append(
                NeighbourReport(counts: counts, asOf: later.zaehltag, isEarlier: later.zaehltag < previous.zaehltag, cellMap: cellMap))
        }
        let disclosed = try previous.applyingDisclosureControl(neighbours: found.neighbours)
        guard var pattern = disclosed.disclosure else {
            return VorjahrVeroeffentlichung(report: disclosed, quelle: .allesGesperrt, warnings: warnings)
        }
        warnings += pattern.neighbourWarnings
        if let sameDay {
            warnings.append(
                "Bericht \(previous.year) zum \(previous.asOf.german) passt nicht zu den heutigen Daten (seither geändert); was er sperrt, bleibt im Vorjahresvergleich gesperrt."
            )
            let map = sameDay.cellMap(to: own)
            let width = own.layout.cellCount
            for (cell, value) in sameDay.values.flatMap({ $0 }).enumerated() where value == nil {
                if let mapped = map[cell] { pattern.suppressed[mapped / width][mapped % width] = true }
            }
        }
        return VorjahrVeroeffentlichung(
            report: previous.showing(pattern), quelle: .eigeneSperrung(beruecksichtigt: pattern.considered), warnings: warnings)
    }

    /// The pattern of an earlier `vorjahr.csv` (totals only) when every total it published is
    /// today's: its `*` stay `*`, and every other cell stays unshown.
    static func totalsPattern(of table: PublishedCounts, fitting report: YearReport) -> SuppressionPattern? {
        guard table.keys == report.areas.map(\.key) else { return nil }
        let width = report.layout.cellCount
        var suppressed: [[Bool]] = []
        for (area, values) in table.values.enumerated() {
            guard let first = values.first else { return nil }
            if let total = first, total != report.figures[area].countCells[CountTable.totalIndex] { return nil }
            suppressed.append([first == nil] + Array(repeating: true, count: max(width - 1, 0)))
        }
        var pattern = SuppressionPattern(suppressed: suppressed)
        pattern.projectSuppressed = Array(repeating: true, count: report.projects.count)
        return pattern
    }

    static func pattern(of folder: PublishedCounts, fitting report: YearReport) -> SuppressionPattern? {
        let own = report.publishedCounts
        guard folder.keys == own.keys, folder.massnahmenarten == own.massnahmenarten, folder.rechtskreise == own.rechtskreise
        else { return nil }
        var suppressed: [[Bool]] = []
        for (area, values) in folder.values.enumerated() {
            var row: [Bool] = []
            for (cell, value) in values.enumerated() {
                if let value, value != report.figures[area].countCells[cell] { return nil }
                row.append(value == nil)
            }
            suppressed.append(row)
        }
        return SuppressionPattern(suppressed: suppressed)
    }
}

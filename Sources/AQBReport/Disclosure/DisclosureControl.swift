/// Statistical disclosure control (Geheimhaltung) of the participant counts, audited.
///
/// Participant counts by Kreis, gender, Maßnahmenart and Rechtskreis are personal data about
/// few people in small Kreise. A count `0 < n < threshold` is published as `*` (primary
/// suppression, BA convention). Further cells are suppressed (secondary suppression) until the
/// pattern passes the audit against the attacker of the README: every suppressed cell has a
/// range with `min < max` and `max ≥ threshold`, in integers, given everything the report
/// publishes and every earlier or later published report of the cohort beside it
/// (`NeighbourReport`). A `*` may hide a 0: a zero is the cheapest partner for a small count.
///
/// The result is deterministic: the same data and neighbours give the same cells, which the CSV
/// files, the Markdown and every later output all read from `YearReport.suppressed`.
public enum DisclosureControl {
    /// The BA's minimum case number.
    public static let defaultThreshold = 3

    /// Whether a pattern already published (`flat`, by flat cell) passes the audit for `table`
    /// as it stands: every small count suppressed, and no `*` of it or of a neighbour that a
    /// reader can narrow down. For a recorded table whose counts are unchanged but about which
    /// readers have since learned something (a project that began to spend counted someone).
    public static func passes(
        _ table: CountTable, pattern flat: [Bool], threshold: Int = defaultThreshold, neighbours: [NeighbourReport] = []
    ) throws(DisclosureError) -> Bool {
        let values = table.flatCells
        guard flat.count == values.count, values.indices.allSatisfy({ flat[$0] || !(values[$0] > 0 && values[$0] < threshold) })
        else { return false }
        let knowledge = AttackerKnowledge(table: table, neighbours: neighbours, threshold: threshold)
        do { return try knowledge.exposures(pattern: flat, stopAtFirst: true).isEmpty } catch {
            throw DisclosureError(message: error.description, cell: nil)
        }
    }

    /// Decides the suppression pattern of `table` and audits it.
    ///
    /// - Throws: `DisclosureError` when the solver does not finish or, which must never happen,
    ///   the final pattern fails its own audit: then nothing may be published.
    public static func suppress(
        _ table: CountTable, threshold: Int = defaultThreshold, neighbours: [NeighbourReport] = []
    ) throws(DisclosureError) -> SuppressionPattern {
        table.validate()
        let values = table.flatCells
        let primary = values.map { $0 > 0 && $0 < threshold }
        let knowledge = AttackerKnowledge(table: table, neighbours: neighbours, threshold: threshold)
        var search = SecondarySuppression(
            values: values, space: knowledge.moveSpace, threshold: threshold,
            exposed: { (pattern: [Bool], near: Int?) throws(DisclosureAudit.SolverError) -> [Int] in
                try knowledge.exposedVariables(pattern: pattern, near: near)
            },
            giveUp: { knowledge.givenUp.variables.insert($0) })
        search.moved = { move, pattern in knowledge.holder.certificates(knowledge).adopt(move, pattern: pattern) }
        search.kreisOf = knowledge.kreisOfVariables
        let flat: [Bool]
        do { flat = try search.run(primary: primary) } catch { throw DisclosureError(message: error.description, cell: nil) }
        let exposures: [AttackerKnowledge.Found]
        do { exposures = try knowledge.exposures(pattern: flat, stopAtFirst: false) } catch {
            throw DisclosureError(message: error.description, cell: nil)
        }
        if let first = exposures.first {
            throw DisclosureError(message: "the suppression pattern fails its own audit", cell: first)
        }
        var pattern = SuppressionPattern(flat: flat, of: table, threshold: threshold)
        pattern.neighbourWarnings = knowledge.neighbourWarnings
        pattern.considered = Set(knowledge.neighbours.map(\.asOf)).sorted()
        return pattern
    }

    /// Audits published tables as `aqb-report audit` does, from their files alone: one table,
    /// or several reports of one cohort at different Stichtage together (a count never shrinks
    /// from one Stichtag to a later one). Returns every `*` that fails the criterion, with the
    /// range an attacker proves.
    ///
    /// - Parameter reports: the tables, each with its Stichtag; the order does not matter.
    public static func audit(_ reports: [(counts: PublishedCounts, asOf: CalendarDate)], threshold: Int = defaultThreshold)
        throws(DisclosureError) -> [CellRange]
    {
        let sorted = reports.enumerated().sorted { $0.element.asOf < $1.element.asOf }
        var system = AttackSystem()
        var terms: [[AttackSystem.Term]] = []
        for (_, report) in sorted {
            terms.append(
                system.addTable(
                    values: report.counts.flatValues, relations: report.counts.relations,
                    lowerBound: report.counts.starLowerBound, minimums: report.counts.minimums))
        }
        for position in sorted.indices.dropFirst() {
            let earlier = sorted[position - 1].element.counts
            let later = sorted[position].element.counts
            let map = earlier.cellMap(to: later)
            for (cell, mapped) in map.enumerated() {
                if let mapped { system.addAtMost(terms[position - 1][cell], terms[position][mapped]) }
            }
        }
        guard system.contradictions == 0 else {
            throw DisclosureError(
                message:
                    "\(system.contradictions) published sums or Stichtag comparisons do not add up: the files are not consistent reports of one cohort",
                cell: nil)
        }
        var place: [Int: (report: Int, cell: Int)] = [:]
        for (position, tableTerms) in terms.enumerated() {
            for (cell, term) in tableTerms.enumerated() {
                if case .unknown(let unknown) = term { place[unknown] = (sorted[position].offset, cell) }
            }
        }
        let audit = DisclosureAudit(system: system, threshold: threshold)
        do {
            return try audit.exposures().compactMap { exposure in
                guard let (report, cell) = place[exposure.unknown] else { return nil }
                let width = reports[report].counts.layout.cellCount
                return CellRange(report: report, area: cell / width, cell: cell % width, min: exposure.min, max: exposure.max)
            }
        } catch {
            throw DisclosureError(message: error.description, cell: nil)
        }
    }
}

/// A suppressed cell and the range of values a reader can prove for it.
public struct CellRange: Sendable, Equatable {
    /// Which of the audited reports.
    public var report: Int = 0
    public var area: Int
    public var cell: Int
    public var min: Int
    /// `nil`: no upper limit.
    public var max: Int?
}

/// Which cells are published as `*`, and what that costs.
public struct SuppressionPattern: Sendable, Equatable {
    /// `suppressed[area][cell]`.
    public var suppressed: [[Bool]]
    /// Per project of the table's project list, in its order.
    public var projectSuppressed: [Bool] = []
    public var primaryCells = 0
    public var secondaryCells = 0
    /// Participations hidden by primary and by secondary cells (the loss, for the manifest).
    public var primaryParticipants = 0
    public var secondaryParticipants = 0
    /// Cells that an earlier report already exposed on its own; nothing a new report can mend.
    public var neighbourWarnings: [String] = []
    /// The Stichtage of the published reports of the cohort the audit took as known.
    public var considered: [CalendarDate] = []
}

extension SuppressionPattern {
    /// The pattern `flat` (by flat cell of `table`) split into areas and projects, with its loss:
    /// a small count under a `*` is a primary cell, any other a secondary one.
    init(flat: [Bool], of table: CountTable, threshold: Int) {
        let width = max(table.cellCount, 1)
        let areaCells = table.areaCount * table.cellCount
        self.init(
            suppressed: stride(from: 0, to: areaCells, by: width).map { Array(flat[$0..<($0 + width)]) },
            projectSuppressed: Array(flat[areaCells...]))
        for (index, value) in table.flatCells.enumerated() where flat[index] {
            if value > 0 && value < threshold {
                primaryCells += 1
                primaryParticipants += value
            } else {
                secondaryCells += 1
                secondaryParticipants += value
            }
        }
    }
}

/// Disclosure control could not produce a pattern that passes its audit.
public struct DisclosureError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The first exposed cell, when there is one.
    var cell: AttackerKnowledge.Found?

    /// The exposed cell of the new report (area index, cell index), when there is one.
    public var position: (area: Int, cell: Int)? {
        guard let cell, let own = cell.cell else { return nil }
        return (own / cell.cellCount, own % cell.cellCount)
    }

    /// The message, naming the cell as `name` calls it (`06411 kreise.csv teilnehmende_d`).
    public func description(naming name: (_ area: Int, _ cell: Int) -> String) -> String {
        guard let cell else { return message }
        let range = "[\(cell.min), \(cell.max.map(String.init) ?? "∞")]"
        guard let position else { return "\(message): a cell of an earlier or later report can be proven to lie in \(range)" }
        return "\(message): \(name(position.area, position.cell)) can be proven to lie in \(range)"
    }

    public var description: String {
        guard let cell else { return message }
        let range = "[\(cell.min), \(cell.max.map(String.init) ?? "∞")]"
        guard let own = cell.cell else { return "\(message): a cell of an earlier or later report can be proven to lie in \(range)" }
        return "\(message): cell \(own % cell.cellCount) of area \(own / cell.cellCount) can be proven to lie in \(range)"
    }
}

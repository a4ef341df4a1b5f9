/// A year's report as a table for disclosure control, and its counts as published.
///
/// Why here and not beside the report's figures in `Model/`: the cell layout, the count table,
/// the suppression pattern and the published counts are disclosure control's concepts; the model
/// only stores the pattern a stage chose (`YearReport.disclosure`).
extension YearReport {
    public var layout: CellLayout {
        CellLayout(
            massnahmenartCount: massnahmenarten.count, rechtskreisCount: rechtskreise.count,
            foerderschwerpunktCount: foerderschwerpunkte.count + 1, inclusion: true)
    }

    public var disclosureControl: Bool { disclosure != nil }

    /// The participant counts as a table for disclosure control, areas in this report's order.
    public var countTable: CountTable {
        let position = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.key, $0) })
        let layout = self.layout
        return CountTable(
            parents: areas.map { $0.parentKey.flatMap { position[$0] } },
            cells: figures.map(\.countCells),
            massnahmenartCount: massnahmenarten.count,
            rechtskreisCount: rechtskreise.count,
            foerderschwerpunktCount: layout.foerderschwerpunktCount,
            inclusion: layout.inclusion,
            projects: ProjectCells(places: projectPlaces, values: projects.map(\.teilnehmende)))
    }

    /// Where each project sits in the count table: its Kreis, Maßnahmenart, Förderschwerpunkt.
    private var projectPlaces: [ProjectCells.Place] {
        let position = Dictionary(uniqueKeysWithValues: areas.enumerated().map { ($1.key, $0) })
        // What the findings published beside the counts tell about a project's count.
        var bounds: [Int: ParticipantBound] = [:]
        if findings != nil {
            // The rule AUSGABEN_OHNE_TEILNEHMENDE lists every project that spent but counted
            // nobody, so a spending project it does not list counted at least one person.
            for project in projects where project.ausgegeben != .zero { bounds[project.id] = .atLeastOne }
        }
        for finding in findings ?? [] {
            if let id = finding.projektId, let bound = finding.regel.impliesParticipants { bounds[id] = bound }
        }
        return projects.map { project in
            // `?? 0` counted such a project in the Land's row. `ReportBuilder` refuses a project
            // of an unknown Kreis (65), so one here is a bug, stopped like CountTable's checks.
            guard let area = position[project.ags] else {
                preconditionFailure("YearReport: projekt \(project.id) of ags \(project.ags) is in none of the report's areas")
            }
            return ProjectCells.Place(
                id: String(project.id), area: area, massnahmenart: project.massnahmenart,
                foerderschwerpunkt: project.foerderschwerpunkt, bound: bounds[project.id])
        }
    }

    /// This report with disclosure control applied: the suppression pattern that passes the
    /// audit, given the neighbouring published reports of the cohort.
    public func applyingDisclosureControl(
        threshold: Int = DisclosureControl.defaultThreshold, neighbours: [NeighbourReport] = []
    ) throws(DisclosureError) -> YearReport {
        showing(try DisclosureControl.suppress(countTable, threshold: threshold, neighbours: neighbours))
    }

    /// This report with the pattern of a table already published (`DisclosureLedger.reusable`):
    /// the same stars, so the count cells come out byte-identical and no solver runs.
    public func applyingRecordedPattern(_ recorded: PublishedCounts, threshold: Int = DisclosureControl.defaultThreshold) -> YearReport {
        showing(SuppressionPattern(flat: recorded.flatValues.map { $0 == nil }, of: countTable, threshold: threshold))
    }

    /// The counts as a reader of this report has them, for linking a later report to it.
    public var publishedCounts: PublishedCounts {
        PublishedCounts(
            keys: areas.map(\.key), parents: countTable.parents,
            // The codes as the files spell them (`SpreadsheetText`), so cells match files read back.
            massnahmenarten: massnahmenarten.map { SpreadsheetText.neutralized($0.code) },
            rechtskreise: rechtskreise.map { SpreadsheetText.neutralized($0.code) },
            foerderschwerpunkte: foerderschwerpunkte.map { SpreadsheetText.neutralized($0.code) },
            inclusion: true,
            values: figures.indices.map { area in (0..<layout.cellCount).map { count(area: area, cell: $0) } },
            projects: projectPlaces, projectValues: projects.indices.map(projectCount),
            starsMayBeZero: true)
    }

    /// A participant count as published: its value, or `nil` where it is suppressed.
    public func count(area: Int, cell: Int) -> Int? {
        if let suppressed, suppressed[area][cell] { return nil }
        return figures[area].countCells[cell]
    }

    /// A project's participant count as published: its value, or `nil` where it is suppressed.
    public func projectCount(_ index: Int) -> Int? {
        if let pattern = disclosure, pattern.projectSuppressed.indices.contains(index), pattern.projectSuppressed[index] { return nil }
        return projects[index].teilnehmende
    }
}

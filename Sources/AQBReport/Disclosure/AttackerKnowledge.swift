/// The attacker of the README, for one new report: its own published cells and relations, plus
/// the published reports of the same cohort beside it.
///
/// A cohort's counts only grow with the Stichtag, so a cell of an earlier report is at most the
/// same cell now, and a cell of a later report at least. The new report must expose nothing,
/// neither its own `*` nor a `*` of a neighbour that was safe on its own.
struct AttackerKnowledge {
    /// An exposed cell: a variable of the move space (`MoveSpace`): a cell of the new report
    /// (`0..<values.count`, the flat cell) or a neighbour's `*` after them.
    struct Found: Equatable {
        var variable: Int
        var min: Int
        var max: Int?
        var cellCount: Int
        /// The flat cell of the new report, or `nil` for a neighbour's cell.
        var cell: Int?
    }

    let values: [Int]
    let relations: [AdditiveRelation]
    /// Lower bounds of single cells beyond 0 (`CountTable.minimums`).
    let minimums: [Int: Int]
    let cellCount: Int
    let threshold: Int
    /// The neighbours that fit the data (see `init`).
    private(set) var neighbours: [NeighbourReport] = []
    /// Per neighbour and flat cell, a value consistent with everything published (a solution
    /// found once): a starting point that spares the audit many programs.
    private var neighbourSeeds: [[Int?]] = []
    private var revisionWarnings: [String] = []

    /// Neighbours' stars that no pattern of this report can protect: the neighbours give them
    /// away among themselves (a move of the table that changes them does not exist even with
    /// every cell of this report free). They are reported, not counted as this report's failure.
    final class GivenUp {
        var variables = Set<Int>()
    }
    let givenUp = GivenUp()

    /// What the report should say about the neighbours: revisions, and stars exposed before.
    var neighbourWarnings: [String] {
        guard !givenUp.variables.isEmpty else { return revisionWarnings }
        return revisionWarnings + [
            "\(givenUp.variables.count) gesperrte Zellen früherer oder späterer Berichte dieses AQB-Jahres sind schon ohne diesen Bericht eingrenzbar; dieser Bericht kann daran nichts ändern."
        ]
    }
    /// Move-space variable of each neighbour's `*` (`extraIndex[neighbour][cell]`).
    private var extraIndex: [[Int?]] = []
    /// Move-space variables of cells a neighbour never showed (`NeighbourReport.unpublished`):
    /// unknowns of the attack, but no `*` that a report promised to protect, so never a target.
    private var unpublishedVariables = Set<Int>()

    init(table: CountTable, neighbours candidates: [NeighbourReport], threshold: Int) {
        values = table.flatCells
        relations = table.relations
        minimums = table.minimums
        cellCount = table.cellCount
        self.threshold = threshold
        var accepted: [NeighbourReport] = []
        for neighbour in candidates {
            // A neighbour whose figures do not fit today's data (a count that shrank: the data
            // were revised since) gives a reader no valid link either; it is left out.
            var probe = self
            probe.neighbours = [neighbour]
            let built = probe.systemWithThisReportPublished()
            guard built.system.contradictions == 0, (try? DisclosureAudit.anySolution(of: built.system)) != nil else {
                revisionWarnings.append(
                    "Bericht zum \(neighbour.asOf.german): seine Zahlen passen nicht zu den heutigen Daten (seither geändert); er wird beim Abgleich nicht berücksichtigt."
                )
                continue
            }
            accepted.append(neighbour)
        }
        neighbours = accepted
        neighbourSeeds = accepted.map { Array(repeating: nil, count: $0.cellMap.count) }
        // One point consistent with all of them at once: the base of every move.
        let built = systemWithThisReportPublished()
        guard built.system.contradictions == 0, let point = try? DisclosureAudit.anySolution(of: built.system) else {
            revisionWarnings.append(
                "Die früheren Berichte passen zusammen nicht zu den heutigen Daten; sie werden beim Abgleich nicht berücksichtigt.")
            neighbours = []
            neighbourSeeds = []
            return
        }
        for (unknown, place) in built.neighbourCells { neighbourSeeds[place.neighbour][place.cell] = point[unknown] }
        var next = values.count
        for neighbour in neighbours {
            extraIndex.append(
                neighbour.counts.flatValues.map { value -> Int? in
                    guard value == nil else { return nil }
                    next += 1
                    return next - 1
                })
        }
        for (index, neighbour) in neighbours.enumerated() {
            for cell in neighbour.unpublished { if let variable = extraIndex[index][cell] { unpublishedVariables.insert(variable) } }
        }
    }

    /// The attack with every cell of this report published (its true values) and the
    /// neighbours' stars unknown: whether the neighbours fit today's data at all, and a point that
    /// fits them all (the base of every move). Maps each unknown to its neighbour and cell.
    private func systemWithThisReportPublished() -> (system: AttackSystem, neighbourCells: [Int: (neighbour: Int, cell: Int)]) {
        var system = AttackSystem()
        let own = system.addTable(values: values, relations: relations, lowerBound: 0)
        var neighbourCells: [Int: (neighbour: Int, cell: Int)] = [:]
        var neighbourTerms: [[AttackSystem.Term]] = []
        for (index, neighbour) in neighbours.enumerated() {
            let terms = system.addTable(
                values: neighbour.counts.flatValues, relations: neighbour.counts.relations,
                lowerBound: neighbour.counts.starLowerBound, minimums: neighbour.counts.minimums)
            for (cell, term) in terms.enumerated() {
                if case .unknown(let unknown) = term { neighbourCells[unknown] = (index, cell) }
            }
            neighbourTerms.append(terms)
        }
        for link in chainLinks() {
            let earlier = link.earlier.report.map { neighbourTerms[$0][link.earlier.cell] } ?? own[link.earlier.cell]
            let later = link.later.report.map { neighbourTerms[$0][link.later.cell] } ?? own[link.later.cell]
            system.addAtMost(earlier, later)
        }
        return (system, neighbourCells)
    }

    /// The cells that fail the criterion under `pattern`, as cells of the new report.
    ///
    /// Two shortcuts, taken in a long search beside several earlier tables (`shortcutsAfter`):
    /// a cell of this report is first attacked in the program of this report's cells alone, the
    /// neighbours' stars held at their seeds (`MoveSpace.restrictedToOwn`): every solution of that
    /// small program is a solution of the whole attack, so a range it proves wide is wide, and
    /// only a cell it cannot prove safe is attacked with everything. Measured with neighbours:
    /// the small program's solves take under 1 ms, the whole attack's 15–90 ms. A neighbour's
    /// `*` that is safe even when this report shows all but its small counts is settled once
    /// (`settledNeighbourStars`) and never attacked again. Neither shortcut changes a verdict
    /// (`AttackerKnowledgeTests`); together they take a quarter off a search beside five earlier
    /// counting days (BENCHMARKS.md).
    ///
    /// - Parameter near: a cell just published: the cells it shares a sum with are checked first.
    func exposures(pattern: [Bool], near: Int? = nil, stopAtFirst: Bool = true) throws(DisclosureAudit.SolverError) -> [Found] {
        let programs = try holder.programs(self)
        let program = programs.full
        program.apply(pattern: pattern, values: values)
        programs.own?.apply(pattern: pattern, values: values)
        var first = Set<Int>()
        if let near {
            for relation in relations where relation.total == near || relation.members.contains(near) {
                first.insert(relation.total)
                first.formUnion(relation.members)
            }
        }
        let candidates =
            values.indices.filter { pattern[$0] }
            + (values.count..<program.space.base.count).filter {
                !givenUp.variables.contains($0) && !unpublishedVariables.contains($0) && !programs.settled.contains($0)
            }
        let targets = candidates.filter { first.contains($0) } + candidates.filter { !first.contains($0) }
        // The base (true values, neighbours' seeds) and every point found by earlier audits that
        // agrees with this pattern's published cells are solutions: they prove ranges unsolved.
        var seeds: [[Int?]] = [program.space.base]
        for point in pool.points where values.indices.allSatisfy({ pattern[$0] || point[$0] == values[$0] }) { seeds.append(point) }
        let pool = self.pool
        let full = RangeSearch(program: program.program, threshold: threshold, seeds: seeds, solutions: { pool.add($0) })
        let neighbourSeeds = Array(program.space.base[values.count...])
        let own = programs.own.map { own in
            RangeSearch(
                program: own.program, threshold: threshold, seeds: seeds.map { Array($0.prefix(values.count)) },
                solutions: { point in
                    let whole = point + neighbourSeeds
                    pool.add(whole)
                    full.widen(whole)
                })
        }
        var found: [Found] = []
        for target in targets {
            if target < values.count, let own, try own.check(target) == nil { continue }
            guard let exposure = try full.check(target) else { continue }
            found.append(
                Found(
                    variable: exposure.unknown, min: exposure.min, max: exposure.max, cellCount: cellCount,
                    cell: exposure.unknown < values.count ? exposure.unknown : nil))
            if stopAtFirst { break }
        }
        return found
    }

    /// The GLPK problems of all audits of a search, built on first use: the whole attack, this
    /// report's cells alone when there are neighbours, and the neighbours' stars settled.
    final class Holder {
        private var full: PatternProgram?
        private var shortcuts: (own: PatternProgram?, settled: Set<Int>)?
        private var audits = 0

        /// The whole attack, and, from the `shortcutsAfter`-th audit of a search on, the
        /// shortcuts. They cost about one audit to set up, which a single audit or a short search
        /// never earns back (measured on the sample data: a re-audit night 35 → 160–330 ms with
        /// them; with five earlier counting days a search 66 → 49 s of CPU). Verdicts are the
        /// same with or without them.
        func programs(_ knowledge: AttackerKnowledge) throws(DisclosureAudit.SolverError) -> (
            full: PatternProgram, own: PatternProgram?, settled: Set<Int>
        ) {
            let full = self.full ?? PatternProgram(space: knowledge.moveSpace)
            self.full = full
            audits += 1
            if shortcuts == nil, knowledge.shortcutsAfter.map({ audits >= $0 }) ?? false,
                full.space.base.count > full.space.ownCount
            {
                shortcuts = (PatternProgram(space: full.space.restrictedToOwn), try knowledge.settledNeighbourStars(full))
            }
            return (full, shortcuts?.own, shortcuts?.settled ?? [])
        }
    }
    let holder = Holder()

    /// From which audit on `exposures` takes its shortcuts (`nil`: never): a search audits many
    /// patterns and earns their setup back; a single audit (`DisclosureControl.passes`) does not.
    var shortcutsAfter: Int?

    /// The neighbours' stars that stay safe when this report shows every cell but its small
    /// counts, which every pattern suppresses (primary cells): publishing fewer cells only takes
    /// knowledge away, so they are safe under every pattern the search or a re-audit can choose,
    /// and never need attacking again.
    fileprivate func settledNeighbourStars(_ program: PatternProgram) throws(DisclosureAudit.SolverError) -> Set<Int> {
        guard program.space.base.count > values.count else { return [] }
        program.apply(pattern: values.map { $0 > 0 && $0 < threshold }, values: values)
        let targets = (values.count..<program.space.base.count).filter { !unpublishedVariables.contains($0) }
        let pool = self.pool
        let exposed = try DisclosureAudit.search(
            program.program, targets: targets, seeds: [program.space.base], threshold: threshold, stopAtFirst: false,
            solutions: { pool.add($0) })
        return Set(targets).subtracting(exposed.map(\.unknown))
    }

    /// The reports by Stichtag: neighbour indices, `nil` for this report.
    var chainOrder: [Int?] {
        let byDate = neighbours.indices.sorted { neighbours[$0].asOf < neighbours[$1].asOf }
        return byDate.filter { neighbours[$0].isEarlier }.map { Optional($0) } + [nil]
            + byDate.filter { !neighbours[$0].isEarlier }.map { Optional($0) }
    }

    /// Per neighbour, for each cell of this report, the neighbour's cell of the same area and
    /// category.
    var inverseMaps: [[Int?]] {
        neighbours.map { neighbour in
            var own = Array(repeating: Int?.none, count: values.count)
            for (cell, mapped) in neighbour.cellMap.enumerated() { if let mapped { own[mapped] = cell } }
            return own
        }
    }

    /// The links of the chain of Stichtage: the same cell in consecutive reports of the cohort
    /// (this one among them, by its Stichtag), the earlier at most the later. `report` is a
    /// neighbour's index, `nil` for this report. Cells are matched through this report's cells,
    /// so an area or category this report lacks is not linked.
    func chainLinks() -> [(earlier: (report: Int?, cell: Int), later: (report: Int?, cell: Int))] {
        let order = chainOrder
        let inverse = inverseMaps
        var links: [(earlier: (report: Int?, cell: Int), later: (report: Int?, cell: Int))] = []
        for position in order.indices.dropFirst() {
            let (first, second) = (order[position - 1], order[position])
            for cell in values.indices {
                guard let a = first.map({ inverse[$0][cell] }) ?? cell, let b = second.map({ inverse[$0][cell] }) ?? cell else { continue }
                links.append(((first, a), (second, b)))
            }
        }
        return links
    }

    /// Solutions found by the audits so far, in move-space variables; shared by the copies of
    /// this value (a class), bounded so that memory stays small.
    final class Pool {
        private(set) var points: [[Int]] = []
        func add(_ point: [Int]) {
            if points.count >= 256 { points.removeFirst() }
            points.append(point)
        }
    }
    let pool = Pool()

    /// The true values and the neighbours' seeds, in move-space variables.
    var moveBase: [Int] {
        var base = values
        for (index, neighbour) in neighbours.enumerated() {
            let published = neighbour.counts.flatValues
            for cell in published.indices where published[cell] == nil { base.append(neighbourSeeds[index][cell] ?? 0) }
        }
        return base
    }

    /// The space in which `SecondarySuppression` looks for moves: the new report's cells and
    /// the neighbours' stars, from a point consistent with everything published (the true
    /// values, the neighbours' seeds), with every sum and every link between the reports.
    var moveSpace: MoveSpace {
        var space = MoveSpace(base: moveBase, lower: values.indices.map { minimums[$0] ?? 0 }, ownCount: values.count)
        for neighbour in neighbours {
            let published = neighbour.counts.flatValues
            let minimums = neighbour.counts.minimums
            for cell in published.indices where published[cell] == nil {
                space.lower.append(max(neighbour.counts.starLowerBound, minimums[cell] ?? 0))
            }
        }
        // In moves y: an equation keeps Σ y_members − y_total = 0; parts of a total keep
        // Σ y_members − y_total ≤ total − Σ members at the base.
        for relation in relations {
            let terms = [(relation.total, -1)] + relation.members.map { ($0, 1) }
            if relation.isEquation {
                space.equations.append(terms)
            } else {
                let slack = values[relation.total] - relation.members.map { values[$0] }.reduce(0, +)
                space.inequalities.append((terms, slack))
            }
        }
        for (index, neighbour) in neighbours.enumerated() {
            let published = neighbour.counts.flatValues
            let base = space.base
            let extras = extraIndex[index]
            func value(_ cell: Int) -> Int { published[cell] ?? extras[cell].map { base[$0] } ?? 0 }
            for relation in neighbour.counts.relations {
                var terms: [(Int, Int)] = []
                if let total = extraIndex[index][relation.total] { terms.append((total, -1)) }
                for member in relation.members { if let extra = extraIndex[index][member] { terms.append((extra, 1)) } }
                guard !terms.isEmpty else { continue }
                if relation.isEquation {
                    space.equations.append(terms)
                } else {
                    let slack = value(relation.total) - relation.members.map(value).reduce(0, +)
                    space.inequalities.append((terms, slack))
                }
            }
        }
        // earlier + y ≤ later + y, for every link of the chain of Stichtage.
        for link in chainLinks() {
            func place(_ place: (report: Int?, cell: Int)) -> (variable: Int?, value: Int) {
                guard let report = place.report else { return (place.cell, values[place.cell]) }
                if let extra = extraIndex[report][place.cell] { return (extra, space.base[extra]) }
                return (nil, neighbours[report].counts.flatValues[place.cell] ?? 0)
            }
            let earlier = place(link.earlier)
            let later = place(link.later)
            var terms: [(Int, Int)] = []
            if let variable = earlier.variable { terms.append((variable, 1)) }
            if let variable = later.variable { terms.append((variable, -1)) }
            if !terms.isEmpty { space.inequalities.append((terms, later.value - earlier.value)) }
        }
        return space
    }
}

/// The attack on every pattern of one search, as one GLPK problem: a column per variable of the
/// move space (this report's cells, the neighbours' stars), rows for every sum and link. A
/// pattern only changes bounds: a published cell is fixed at its value, a `*` is free above its
/// lower bound. Keeping the problem lets every solve start from the last basis, where building
/// it anew for each of the many audits of pruning started each one cold.
final class PatternProgram {
    let space: MoveSpace
    let program: IntegerProgram
    /// Whether each cell of this report is fixed (published) in the problem right now.
    private var fixed: [Bool]

    init(space: MoveSpace) {
        self.space = space
        let count = space.base.count
        program = IntegerProgram(columns: count, integer: true)
        for variable in 0..<count { program.setBounds(column: variable, lower: Double(space.lower[variable]), upper: nil) }
        // In the variables x = base + y: Σ c·x = Σ c·base for an equation, ≤ bound + Σ c·base.
        func atBase(_ terms: [(variable: Int, coefficient: Int)]) -> Double {
            Double(terms.map { space.base[$0.variable] * $0.coefficient }.reduce(0, +))
        }
        for equation in space.equations {
            let rhs = atBase(equation)
            program.addRow(equation.map { ($0.variable, Double($0.coefficient)) }, lower: rhs, upper: rhs)
        }
        for inequality in space.inequalities {
            program.addRow(
                inequality.terms.map { ($0.variable, Double($0.coefficient)) }, lower: nil,
                upper: Double(inequality.bound) + atBase(inequality.terms))
        }
        fixed = Array(repeating: false, count: space.ownCount)
    }

    /// Fixes the published cells of `pattern` at their values and frees its stars.
    func apply(pattern: [Bool], values: [Int]) {
        for cell in 0..<space.ownCount where fixed[cell] == pattern[cell] {
            fixed[cell] = !pattern[cell]
            if pattern[cell] {
                program.setBounds(column: cell, lower: Double(space.lower[cell]), upper: nil)
            } else {
                program.setBounds(column: cell, lower: Double(values[cell]), upper: Double(values[cell]))
            }
        }
    }
}

/// Where moves of the table may go: variables `0..<ownCount` are the new report's cells, the
/// rest are the neighbours' stars; a move `y` keeps every equation at 0, every inequality at
/// most its bound, and `base + y ≥ lower`.
struct MoveSpace {
    var base: [Int]
    var lower: [Int]
    var ownCount: Int
    var equations: [[(variable: Int, coefficient: Int)]] = []
    var inequalities: [(terms: [(variable: Int, coefficient: Int)], bound: Int)] = []

    /// The moves of the new report's cells alone, the neighbours' stars held at their base: a
    /// constraint keeps its terms of this report's cells (the others' moves are 0), and one
    /// without such terms holds at the base and is left out. Its size does not grow with the
    /// number of neighbours, and every move in it is a move of the whole space.
    var restrictedToOwn: MoveSpace {
        var space = MoveSpace(base: Array(base.prefix(ownCount)), lower: Array(lower.prefix(ownCount)), ownCount: ownCount)
        for equation in equations {
            let own = equation.filter { $0.variable < ownCount }
            if !own.isEmpty { space.equations.append(own) }
        }
        for inequality in inequalities {
            let own = inequality.terms.filter { $0.variable < ownCount }
            if !own.isEmpty { space.inequalities.append((own, inequality.bound)) }
        }
        return space
    }
}

/// A published report of the same cohort at another Stichtag, read from the output base.
public struct NeighbourReport: Sendable {
    public var counts: PublishedCounts
    public var asOf: CalendarDate
    /// Earlier than the new report (its counts are at most the new ones), or later.
    public var isEarlier: Bool
    /// For each of its flat cells, the new report's flat cell of the same area and category.
    public var cellMap: [Int?]
    /// Flat cells (`nil` in `counts`) the neighbour never showed at all, as opposed to a `*`: the
    /// breakdowns of a previous-year comparison (`PublishedVorjahrNeighbours`), which publishes
    /// only totals. A reader does not know them, and no report promised to protect them.
    public var unpublished: Set<Int>

    public init(counts: PublishedCounts, asOf: CalendarDate, isEarlier: Bool, cellMap: [Int?], unpublished: Set<Int> = []) {
        self.counts = counts
        self.asOf = asOf
        self.isEarlier = isEarlier
        self.cellMap = cellMap
        self.unpublished = unpublished
    }
}

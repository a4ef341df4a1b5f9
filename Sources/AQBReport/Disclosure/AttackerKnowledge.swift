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
    /// Per flat cell of this report, the Kreis (an area without children) it belongs to: its
    /// area's cells and its projects' cells; `nil` for the Regierungsbezirke' and the Land's.
    let kreisOfCell: [Int?]
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
        let children = table.children
        func kreis(_ area: Int) -> Int? { children[area].isEmpty ? area : nil }
        kreisOfCell =
            (0..<(table.areaCount * table.cellCount)).map { kreis($0 / table.cellCount) }
            + (table.projects?.places ?? []).map { kreis($0.area) }
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

    /// The cells that fail the criterion under `pattern`, with the range a reader proves for
    /// each: for the final audit, a re-audit and the error message that names a cell.
    ///
    /// - Parameter near: a cell just published: the cells it shares a sum with are checked first.
    func exposures(pattern: [Bool], near: Int? = nil, stopAtFirst: Bool = true) throws(DisclosureAudit.SolverError) -> [Found] {
        var found: [Found] = []
        for variable in try exposedVariables(pattern: pattern, near: near, stopAtFirst: stopAtFirst) {
            // No move lifts the cell; the whole attack names its range. (Should it find the cell
            // safe after all, the floating-point solver contradicts itself: the cell stays
            // exposed, at its base value, which costs a cell and never a person.)
            let exposure = try holder.range(of: variable, pattern: pattern, self)
            let base = holder.certificates(self).space.base[variable]
            found.append(
                Found(
                    variable: variable, min: exposure?.min ?? base, max: exposure.map { $0.max } ?? base, cellCount: cellCount,
                    cell: variable < values.count ? variable : nil))
        }
        return found
    }

    /// The variables of the move space (`moveSpace`) that fail the criterion under `pattern`, in
    /// the order checked: what the search needs, without the ranges.
    ///
    /// Each `*` is proven safe by a move (`MoveCertificates`); a proof found under one pattern
    /// is kept and holds under every later pattern that keeps its cells `*`, so most checks of a
    /// search cost no program at all. Where the solver's move does not hold in integers, the
    /// whole attack's ranges decide (`RangeSearch`).
    ///
    /// - Parameter near: a cell just published: the cells it shares a sum with are checked first.
    func exposedVariables(pattern: [Bool], near: Int? = nil, stopAtFirst: Bool = true) throws(DisclosureAudit.SolverError) -> [Int] {
        let certificates = holder.certificates(self)
        certificates.apply(pattern: pattern)
        var first = Set<Int>()
        if let near {
            for relation in relations where relation.total == near || relation.members.contains(near) {
                first.insert(relation.total)
                first.formUnion(relation.members)
            }
        }
        let candidates =
            values.indices.filter { pattern[$0] }
            + (values.count..<certificates.space.base.count).filter {
                !givenUp.variables.contains($0) && !unpublishedVariables.contains($0)
            }
        let targets = candidates.filter { first.contains($0) } + candidates.filter { !first.contains($0) }
        var exposed: [Int] = []
        for target in targets {
            switch try certificates.check(target) {
            case .safe: continue
            case .exposed: exposed.append(target)
            case .unknown:
                guard try holder.range(of: target, pattern: pattern, self) != nil else { continue }
                exposed.append(target)
            }
            if stopAtFirst { break }
        }
        return exposed
    }

    /// The programs of all audits of a search, built on first use: the moves that prove stars
    /// safe, and the whole attack for the range of a cell that is not.
    final class Holder {
        private var moves: MoveCertificates?
        private var full: PatternProgram?

        func certificates(_ knowledge: AttackerKnowledge) -> MoveCertificates {
            if let moves { return moves }
            let space = knowledge.moveSpace
            // Small counts and the neighbours' stars stay `*` under every pattern: proofs that
            // move them survive pruning. A secondary cell costs what it costs to suppress it, so
            // the cells pruning publishes first (the largest) are the last a proof leans on.
            let price = space.base.indices.map { variable -> Double in
                guard variable < space.ownCount else { return 0.001 }
                let value = knowledge.values[variable]
                return value > 0 && value < knowledge.threshold ? 0.001 : SecondarySuppression.cost(value)
            }
            let made = MoveCertificates(space: space, threshold: knowledge.threshold, price: price)
            // Beside earlier tables, a cell is first moved in a part of the space, the rest held:
            // its Kreis across every table, its own table alone, then with the tables next to it
            // in the chain of counting days (the only ones it is linked to), for a neighbour's
            // star then all earlier tables. The moves that prove cells safe mostly stay in such a
            // part, and a part is a fraction of the whole program. Those that do not are the
            // expensive ones: traced beside six earlier counting days, 65 of the 86 moves of a
            // neighbour's star that needed the whole program ran through all seven tables
            // (BENCHMARKS.md, issue 15).
            if space.base.count > space.ownCount {
                let order = knowledge.chainOrder
                let ranges = knowledge.neighbourRanges
                func variables(_ report: Int?) -> [Int] { report.map { Array(ranges[$0]) } ?? Array(0..<space.ownCount) }
                var parts: [[Int]] = []
                // One Kreis across every table first: its cells and projects, and the neighbours'
                // stars of them, the rest held. A Kreis's projects add up to its own cells only,
                // so the moves of a project's count mostly stay in it, in a program a few per
                // cent of the whole (with thousands of projects a table, the neighbours' stars
                // are mostly projects of the early counting days).
                var kreisParts: [Int: [Int]] = [:]
                for (variable, kreis) in knowledge.kreisOfVariables.enumerated() {
                    if let kreis { kreisParts[kreis, default: []].append(variable) }
                }
                parts += kreisParts.keys.sorted().compactMap { kreisParts[$0] }
                for (position, report) in order.enumerated() {
                    parts.append(variables(report))
                    let window = order[max(0, position - 1)...min(order.count - 1, position + 1)]
                    parts.append(window.flatMap(variables).sorted())
                }
                if ranges.count > 1 { parts.append(Array(space.ownCount..<space.base.count)) }
                // A part as large as the whole space is the whole program again (with one or two
                // earlier tables, a window covers every table), and a part already listed is the
                // same program twice: neither can find a move the other does not, and each holds
                // a GLPK problem of its size.
                var seen = Set<[Int]>()
                parts = parts.filter { !$0.isEmpty && $0.count < space.base.count && seen.insert($0).inserted }
                let threshold = knowledge.threshold
                made.parts = parts.map { variables in
                    MoveCertificates.Part(variables: variables) {
                        MoveCertificates(space: space.restricted(to: variables), threshold: threshold, price: variables.map { price[$0] })
                    }
                }
            }
            moves = made
            return made
        }

        /// The range a reader proves for `variable` under `pattern`, from the whole attack; `nil`
        /// when it passes the criterion after all.
        func range(of variable: Int, pattern: [Bool], _ knowledge: AttackerKnowledge) throws(DisclosureAudit.SolverError)
            -> DisclosureAudit.Exposure?
        {
            let program = full ?? PatternProgram(space: knowledge.moveSpace)
            full = program
            program.apply(pattern: pattern, values: knowledge.values)
            let search = RangeSearch(
                program: program.program, threshold: knowledge.threshold, seeds: [program.space.base], solutions: { _ in })
            return try search.check(variable)
        }
    }
    let holder = Holder()

    /// Per move-space variable, its Kreis: of this report's cell, or of the cell of this report
    /// that a neighbour's star stands for.
    var kreisOfVariables: [Int?] {
        var result = kreisOfCell
        for (index, extras) in extraIndex.enumerated() {
            let cellMap = neighbours[index].cellMap
            for (cell, variable) in extras.enumerated() {
                guard let variable else { continue }
                if result.count <= variable { result += Array(repeating: nil, count: variable + 1 - result.count) }
                result[variable] = cellMap[cell].flatMap { kreisOfCell[$0] }
            }
        }
        return result
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

    /// Per neighbour, the move-space variables of its stars (contiguous, in neighbour order).
    var neighbourRanges: [Range<Int>] {
        extraIndex.map { extras in
            let variables = extras.compactMap { $0 }
            guard let first = variables.min(), let last = variables.max() else { return values.count..<values.count }
            return first..<(last + 1)
        }
    }

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
        // earlier + y ≤ later + y, for every link of the chain of Stichtage. Each neighbour's
        // values flattened once: `flatValues` builds the whole array, and asked per link it made
        // this loop quadratic in the cells (a quarter of a ten-year run's CPU at 4× the projects).
        let published = neighbours.map(\.counts.flatValues)
        for link in chainLinks() {
            func place(_ place: (report: Int?, cell: Int)) -> (variable: Int?, value: Int) {
                guard let report = place.report else { return (place.cell, values[place.cell]) }
                if let extra = extraIndex[report][place.cell] { return (extra, space.base[extra]) }
                return (nil, published[report][place.cell] ?? 0)
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

    /// The moves of `variables` alone (ascending, this report's cells first), every other held
    /// at its base: a constraint keeps its terms among them (the others' moves are 0), and one
    /// without such terms holds at the base and is left out. Every move in it is a move of the
    /// whole space, its variables renumbered in the order given.
    func restricted(to variables: [Int]) -> MoveSpace {
        var local = Array(repeating: Int?.none, count: base.count)
        for (index, variable) in variables.enumerated() { local[variable] = index }
        var space = MoveSpace(
            base: variables.map { base[$0] }, lower: variables.map { lower[$0] }, ownCount: variables.filter { $0 < ownCount }.count)
        func kept(_ terms: [(variable: Int, coefficient: Int)]) -> [(variable: Int, coefficient: Int)] {
            terms.compactMap { term in local[term.variable].map { ($0, term.coefficient) } }
        }
        for equation in equations {
            let terms = kept(equation)
            if !terms.isEmpty { space.equations.append(terms) }
        }
        for inequality in inequalities {
            let terms = kept(inequality.terms)
            if !terms.isEmpty { space.inequalities.append((terms, inequality.bound)) }
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

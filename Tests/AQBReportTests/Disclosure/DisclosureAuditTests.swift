import Testing

@testable import AQBReport

/// The attack itself: ranges an attacker proves, against tables where the answer is worked out
/// by hand, against brute force on tiny tables, and the leaks of the earlier rule.
///
/// Small tables here have no Maßnahmenarten and no Rechtskreise: the cells of an area are
/// `[total, w, m, d, ohne Angabe]`, so every sum can be checked by eye.
@Suite struct DisclosureAuditTests {
    /// A table as published: `nil` is `*`.
    static func published(_ parents: [Int?], _ values: [[Int?]], starsMayBeZero: Bool = true) -> PublishedCounts {
        PublishedCounts(
            keys: values.indices.map { "k\($0)" }, parents: parents, massnahmenarten: [], rechtskreise: [], values: values,
            starsMayBeZero: starsMayBeZero)
    }

    static let september15 = CalendarDate(iso: "2025-09-15") ?? .epoch
    static let september30 = CalendarDate(iso: "2025-09-30") ?? .epoch

    static func audit(_ counts: PublishedCounts) throws -> [CellRange] {
        try DisclosureControl.audit([(counts, september30)])
    }

    // MARK: The leaks of the earlier rule

    @Test func twoStarsWhoseGroupLeavesTwoAreBothOneWhenAStarIsNeverZero() throws {
        // Darmstadt, AQB 2025 at 2025-09-30, as the earlier rule published it: 108 − 48 − 58 = 2.
        let counts = Self.published([nil], [[108, 48, 58, nil, nil]], starsMayBeZero: false)
        let exposed = try Self.audit(counts)
        #expect(exposed == [CellRange(area: 0, cell: 3, min: 1, max: 1), CellRange(area: 0, cell: 4, min: 1, max: 1)])
    }

    @Test func theSameStarsStillReadAsSmallWhenAStarMayHideZero() throws {
        // With 0 allowed the two are no longer exact, but neither can exceed 2: still exposed.
        let exposed = try Self.audit(Self.published([nil], [[108, 48, 58, nil, nil]]))
        #expect(exposed == [CellRange(area: 0, cell: 3, min: 0, max: 2), CellRange(area: 0, cell: 4, min: 0, max: 2)])
    }

    @Test func aStarIsRecomputedFromItsRegierungsbezirkAndTheOtherKreise() throws {
        // Limburg-Weilburg's pattern: the Bezirk's ohne Angabe is 5, the other Kreis's 4.
        let counts = Self.published(
            [nil, 0, 0],
            [
                [40, 20, 15, nil, 5],
                [20, 10, 9, nil, nil],
                [20, 10, 6, 0, 4],
            ])
        let exposed = try Self.audit(counts)
        #expect(exposed.contains(CellRange(area: 1, cell: 4, min: 1, max: 1)))
    }

    @Test func theOldRulesPublishedSampleReportsLeakExactlyWhereTheIssueFoundIt() throws {
        for (folder, leaks) in [
            ("2024-2025-09-30-de", ["06533 kreise.csv teilnehmende_ohne_angabe"]),
            ("2025-2025-09-30-rfc4180", ["06411 kreise.csv teilnehmende_d", "06436 kreise.csv teilnehmende_ohne_angabe"]),
        ] {
            let counts = try PublishedFolder.read(Repository.fixtures + "/old-rule/\(folder)")
            #expect(!counts.starsMayBeZero, "no manifest: the earlier rule, a * is never 0")
            let exposed = try Self.audit(counts)
            let names = exposed.filter { $0.min == $0.max }.map { counts.cellName(area: $0.area, cell: $0.cell) }
            for leak in leaks { #expect(names.contains(leak), "\(folder): \(names)") }
        }
    }

    // MARK: Ranges worked out by hand

    @Test func aRectangleOfFourStarsLeavesEachARangeOfFive() throws {
        // K1: d + o = 5, K2: d + o = 5, Bezirk d = 4, o = 6. With t = K1 d: K1 o = 5 − t,
        // K2 d = 4 − t, K2 o = 1 + t, all ≥ 0: t ∈ [0, 4]. Every star moves; all reach 3.
        let counts = Self.published(
            [nil, 0, 0],
            [
                [30, 10, 10, 4, 6],
                [15, 5, 5, nil, nil],
                [15, 5, 5, nil, nil],
            ])
        #expect(try Self.audit(counts).isEmpty)
        // Bezirk d = 1 instead: t ∈ [0, 1] and K2 d = 1 − t, both stay small.
        let narrow = Self.published(
            [nil, 0, 0],
            [
                [30, 10, 10, 1, 9],
                [15, 5, 5, nil, nil],
                [15, 5, 5, nil, nil],
            ])
        let exposed = try Self.audit(narrow)
        #expect(exposed.contains(CellRange(area: 1, cell: 3, min: 0, max: 1)))
        #expect(exposed.contains(CellRange(area: 2, cell: 3, min: 0, max: 1)))
    }

    @Test func aStarWithNoUpperLimitIsSafe() throws {
        // The whole Land row hidden: its total can grow with any of its members.
        let counts = Self.published([nil], [[nil, nil, 10, 0, 0]])
        #expect(try Self.audit(counts).isEmpty)
    }

    @Test func filesThatDoNotAddUpAreRefused() {
        let counts = Self.published([nil], [[10, 5, 4, 0, 0]])
        #expect(throws: DisclosureError.self) { try Self.audit(counts) }
    }

    // MARK: Several reports of one cohort

    @Test func twoReportsThatAreSafeAloneCanGiveACellAwayTogether() throws {
        // Earlier: 10 = a + b + 6 → a + b = 4. Later: 10 = 4 + b + c. Counts only grow, so
        // c ≥ 6 forces c = 6, b = 0 now, hence b = 0 and a = 4 then.
        let earlier = Self.published([nil], [[10, nil, nil, 6, 0]])
        let later = Self.published([nil], [[10, 4, nil, nil, 0]])
        let first = Self.september15
        let second = Self.september30
        #expect(try DisclosureControl.audit([(earlier, first)]).isEmpty)
        #expect(try DisclosureControl.audit([(later, second)]).isEmpty)
        let together = try DisclosureControl.audit([(later, second), (earlier, first)])
        #expect(together.contains(CellRange(report: 1, area: 0, cell: 1, min: 4, max: 4)))
        #expect(together.contains(CellRange(report: 0, area: 0, cell: 2, min: 0, max: 0)))
    }

    // MARK: Against brute force

    @Test func rangesMatchEveryIntegerSolutionOfTinyTables() throws {
        var random = SplitMix64(seed: 0x4155_4449_54)
        var checkedCells = 0
        for _ in 0..<60 {
            // Land with two Kreise, each Kreis a few participations over the four genders.
            var kreise: [[Int]] = []
            for _ in 0..<2 {
                var row = [0, 0, 0, 0, 0]
                for _ in 0..<Int(random.below(5)) {
                    row[0] += 1
                    row[1 + Int(random.below(4))] += 1
                }
                kreise.append(row)
            }
            let land = (0..<5).map { kreise[0][$0] + kreise[1][$0] }
            let truth = [land] + kreise
            let flat = truth.flatMap { $0 }
            var hidden = flat.indices.filter { _ in random.below(3) == 0 }
            hidden = Array(hidden.prefix(4))
            let values: [[Int?]] = truth.indices.map { area in
                (0..<5).map { cell in hidden.contains(area * 5 + cell) ? nil : truth[area][cell] }
            }
            let counts = Self.published([nil, 0, 0], values)
            let exposed = try Self.audit(counts)

            // Every assignment of the hidden cells in 0…cap that keeps every sum. The cap lies 4
            // above every true count: a range that reaches it is unbounded or at least ≥ 3.
            let relations = counts.relations
            let limit = (flat.max() ?? 0) + 5
            var ranges = Dictionary(uniqueKeysWithValues: hidden.map { ($0, (min: Int.max, max: Int.min)) })
            var assignment = flat
            var combination = Array(repeating: 0, count: hidden.count)
            while true {
                for (position, cell) in hidden.enumerated() { assignment[cell] = combination[position] }
                if relations.allSatisfy({ assignment[$0.total] == $0.members.map { assignment[$0] }.reduce(0, +) }) {
                    for cell in hidden {
                        let range = ranges[cell] ?? (Int.max, Int.min)
                        ranges[cell] = (min(range.min, assignment[cell]), max(range.max, assignment[cell]))
                    }
                }
                var position = 0
                while position < combination.count {
                    combination[position] += 1
                    if combination[position] < limit { break }
                    combination[position] = 0
                    position += 1
                }
                if position == combination.count { break }
            }
            for cell in hidden {
                guard let range = ranges[cell] else { continue }
                let safe = range.max >= 3 && range.min < range.max
                let reported = exposed.first { $0.area * 5 + $0.cell == cell }
                #expect(safe == (reported == nil), "cell \(cell) of \(values): brute force \(range), audit \(String(describing: reported))")
                if let reported { #expect(reported.min == range.min && reported.max == range.max && range.max < limit - 1) }
                checkedCells += 1
            }
        }
        #expect(checkedCells > 50)
    }
}

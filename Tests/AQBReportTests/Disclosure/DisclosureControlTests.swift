import Testing

@testable import AQBReport

/// Primary and secondary suppression of participant counts.
///
/// Hand-worked tables pin each part of the rule (primary cells, the group rule, ties, zeros,
/// parent groups, evaluation order, repeated passes). Cell order in these tables is
/// `[total, w, m, d, ohne Angabe, Maßnahmenarten…, Rechtskreise…]`; small tables use fewer
/// categories so the arithmetic stays checkable by eye. An independent checker then runs the
/// algorithm on many pseudo-random tables shaped like Hessen.
@Suite struct DisclosureControlTests {
    // MARK: Primary suppression

    @Test func onlyCountsOfOneAndTwoAreSuppressedWhenNoGroupRevealsThem() {
        // w = 1 and m = 2 are both suppressed, so the gender group holds two stars: no secondary.
        let table = CountTable(
            parents: [nil],
            cells: [[10, 1, 2, 7, 0, /* MA */ 4, 6, /* RK */ 3, 7]],
            massnahmenartCount: 2, rechtskreisCount: 2
        )
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, true, true, false, false, false, false, false, false]
            ])
    }

    @Test func aSmallTotalIsSuppressedAndItsGroupsAreThenLeftAlone() {
        // total 2 is starred, so no member can be recomputed from it; 0 stays published.
        let table = CountTable(parents: [nil], cells: [[2, 2, 0, 0, 0, 2, 2]], massnahmenartCount: 1, rechtskreisCount: 1)
        #expect(DisclosureControl.suppressedCells(table) == [[true, true, false, false, false, true, true]])
    }

    @Test func theMinimumIsAParameter() {
        let table = CountTable(parents: [nil], cells: [[20, 4, 5, 3, 8]], massnahmenartCount: 0, rechtskreisCount: 0)
        #expect(DisclosureControl.suppressedCells(table, minimum: 5) == [[false, true, false, true, false]])
        #expect(DisclosureControl.suppressedCells(table, minimum: 1) == [[false, false, false, false, false]])
    }

    // MARK: Secondary suppression within an area

    @Test func aSingleStarInTheGenderGroupTakesTheSmallestNonZeroPublishedCellWithIt() {
        // w = 2 alone would be 20 − 10 − 0 − 8; the smallest other non-zero cell is ohne Angabe (8).
        let table = CountTable(parents: [nil], cells: [[20, 2, 10, 0, 8]], massnahmenartCount: 0, rechtskreisCount: 0)
        #expect(DisclosureControl.suppressedCells(table) == [[false, true, false, false, true]])
    }

    @Test func eachOfTheThreeAreaGroupsIsProtectedOnItsOwn() {
        // gender: d = 1 alone → m (4), the smallest; MA: AQV = 2 alone → WBF (3);
        // RK: SGB XII = 1 alone → SGB III (3), the first of three 3s.
        let table = CountTable(
            parents: [nil],
            cells: [[15, 10, 4, 1, 0, /* MA */ 2, 5, 5, 3, /* RK */ 5, 3, 3, 1, 3, 0]],
            massnahmenartCount: 4, rechtskreisCount: 6
        )
        let suppressed = DisclosureControl.suppressedCells(table)
        #expect(
            suppressed == [
                [
                    false, false, true, true, false,
                    true, false, false, true,
                    false, true, false, true, false, false,
                ]
            ])
    }

    @Test func equalValuesPickTheEarlierMember() {
        // w = 1 alone; m and d are both 5 → m, the earlier.
        let table = CountTable(parents: [nil], cells: [[20, 1, 5, 5, 9]], massnahmenartCount: 0, rechtskreisCount: 0)
        #expect(DisclosureControl.suppressedCells(table) == [[false, true, true, false, false]])
    }

    @Test func zeroIsNeverSuppressedEvenWhenItIsTheSmallestPublishedMember() {
        // w = 1 alone; m and d are 0 and stay published; ohne Angabe (9) is taken.
        let table = CountTable(parents: [nil], cells: [[10, 1, 0, 0, 9]], massnahmenartCount: 0, rechtskreisCount: 0)
        #expect(DisclosureControl.suppressedCells(table) == [[false, true, false, false, true]])
    }

    @Test func nothingHappensWhenNoNonZeroPublishedMemberIsLeft() {
        // Not a consistent table (w alone cannot be 2 under a total of 10), which is exactly why
        // it isolates the rule: one star, published total, only zeros besides.
        let table = CountTable(parents: [nil], cells: [[10, 2, 0, 0, 0]], massnahmenartCount: 0, rechtskreisCount: 0)
        #expect(DisclosureControl.suppressedCells(table) == [[false, true, false, false, false]])
    }

    // MARK: Parent groups

    @Test func aCellRevealedOnlyByTheParentGroupTakesTheSmallestSiblingWithIt() {
        // K1's total 2 is starred; its own groups then have a starred total and do nothing.
        // Yet K1 = 20 − 10 − 8 from the parent and its siblings: the parent group stars K3 (8),
        // and likewise in every cell where K1 holds the only star.
        let table = CountTable(
            parents: [nil, 0, 0, 0],
            cells: [
                /* P  */ [20, 10, 10, 0, 0, /* MA */ 9, 11, /* RK */ 7, 13],
                /* K1 */ [2, 1, 1, 0, 0, /* MA */ 2, 0, /* RK */ 0, 2],
                /* K2 */ [10, 5, 5, 0, 0, /* MA */ 4, 6, /* RK */ 3, 7],
                /* K3 */ [8, 4, 4, 0, 0, /* MA */ 3, 5, /* RK */ 4, 4],
            ],
            massnahmenartCount: 2, rechtskreisCount: 2
        )
        // K3 holds no 1 or 2 and no within-area group of K1 fires: only the parent groups star K3.
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, false, false, false, false, false, false, false, false],
                [true, true, true, false, false, true, false, false, true],
                [false, false, false, false, false, false, false, false, false],
                [true, true, true, false, false, true, false, false, true],
            ])
    }

    @Test func aParentGroupSuppressionCanStartANewAreaGroupInTheNextPass() {
        // Pass 1: K1's gender group holds two stars (w 1, m 2), no within-area rule fires;
        // the parent's w group stars K2.w (3), its m group stars K3.m (3).
        // Pass 2: K2's gender group now has one star → its d (3); K3's → its d (4).
        // Pass 3: nothing changes.
        let table = CountTable(
            parents: [nil, 0, 0, 0],
            cells: [
                /* P  */ [35, 9, 9, 17, 0, /* MA */ 17, 18, /* RK */ 17, 18],
                /* K1 */ [13, 1, 2, 10, 0, /* MA */ 6, 7, /* RK */ 6, 7],
                /* K2 */ [10, 3, 4, 3, 0, /* MA */ 5, 5, /* RK */ 5, 5],
                /* K3 */ [12, 5, 3, 4, 0, /* MA */ 6, 6, /* RK */ 6, 6],
            ],
            massnahmenartCount: 2, rechtskreisCount: 2
        )
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, false, false, false, false, false, false, false, false],
                [false, true, true, false, false, false, false, false, false],
                [false, true, false, true, false, false, false, false, false],
                [false, false, true, true, false, false, false, false, false],
            ])
    }

    @Test func areaGroupsAreDecidedBeforeParentGroupsInEachPass() {
        // K1.w = 2 is its gender group's only star → K1.m (5) first. Only then does the parent's
        // total group, where K3 (2) is the only star, take K1's total (7). Parent groups first
        // would have starred K1's total before its gender group was looked at, leaving K1.m (5).
        let table = CountTable(
            parents: [nil, 0, 0, 0],
            cells: [
                /* P  */ [17, 3, 8, 3, 3],
                /* K1 */ [7, 2, 5, 0, 0],
                /* K2 */ [8, 1, 2, 2, 3],
                /* K3 */ [2, 0, 1, 1, 0],
            ],
            massnahmenartCount: 0, rechtskreisCount: 0
        )
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, false, false, false, false],
                [true, true, true, false, false],
                [false, true, true, true, false],
                [true, false, true, true, false],
            ])
    }

    @Test func laterGroupsOfAPassSeeSuppressionsMadeEarlierInIt() {
        // Land L over Regierungsbezirke A (Kreise A1, A2) and B (Kreise B1, B2), in key order.
        // The Land's total group comes first and stars A's total (B = 2 is the only star);
        // A's own total group then sees a starred total and leaves A2 (10) published. Were the
        // Regierungsbezirke decided first, A2's total would be starred.
        let table = CountTable(
            parents: [nil, 0, 1, 1, 0, 4, 4],
            cells: [
                /* L  */ [14, 7, 7, 0, 0],
                /* A  */ [12, 7, 5, 0, 0],
                /* A1 */ [2, 2, 0, 0, 0],
                /* A2 */ [10, 5, 5, 0, 0],
                /* B  */ [2, 0, 2, 0, 0],
                /* B1 */ [2, 0, 2, 0, 0],
                /* B2 */ [0, 0, 0, 0, 0],
            ],
            massnahmenartCount: 0, rechtskreisCount: 0
        )
        // Pass 1: L.m group stars A.m; A.w group stars A2.w. Pass 2: A2's gender group stars A2.m.
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, false, false, false, false],
                [true, false, true, false, false],
                [true, true, false, false, false],
                [false, true, true, false, false],
                [true, false, true, false, false],
                [true, false, true, false, false],
                [false, false, false, false, false],
            ])
    }

    @Test func aLoneStarBesideOnlyZerosStaysAsTheRuleSays() {
        // Documents a limit of the rule as specified: B.w (2) → B.m (3) within B; the parent's
        // w group stars A.w (10); A's gender group then holds one star beside zeros and nothing
        // happens, and the parent's m group (P 3; A 0, B *) has no non-zero member to take.
        // A reader can still compute B.m = 3 − 0 and B.w = 5 − 3: zeros are never suppressed.
        let table = CountTable(
            parents: [nil, 0, 0],
            cells: [
                /* P */ [15, 12, 3, 0, 0],
                /* A */ [10, 10, 0, 0, 0],
                /* B */ [5, 2, 3, 0, 0],
            ],
            massnahmenartCount: 0, rechtskreisCount: 0
        )
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, false, false, false, false],
                [false, true, false, false, false],
                [false, true, true, false, false],
            ])
    }

    @Test func aStarredTotalWhoseMembersAreAllPublishedStaysAsTheRuleSays() {
        // Documents a second limit of the rule as specified: a group fires only while its total
        // is published. The parent's total group stars K2's total (3) to protect K1's (2), but
        // K2's gender cells are all published, so K2 = 3 + 0 + 0 + 0 and then K1 = 10 − 3 − 5.
        let table = CountTable(
            parents: [nil, 0, 0, 0],
            cells: [
                /* P  */ [10, 3, 4, 0, 3],
                /* K1 */ [2, 0, 1, 0, 1],
                /* K2 */ [3, 3, 0, 0, 0],
                /* K3 */ [5, 0, 3, 0, 2],
            ],
            massnahmenartCount: 0, rechtskreisCount: 0
        )
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, false, false, false, false],
                [true, false, true, false, true],
                [true, false, false, false, false],
                [false, false, true, false, true],
            ])
    }

    @Test func anAreaWithoutChildrenHasNoParentGroups() {
        // Two unrelated roots: no parent group links them, so neither protects the other.
        let table = CountTable(
            parents: [nil, nil],
            cells: [[5, 1, 1, 3, 0], [9, 3, 3, 3, 0]],
            massnahmenartCount: 0, rechtskreisCount: 0
        )
        #expect(
            DisclosureControl.suppressedCells(table) == [
                [false, true, true, false, false],
                [false, false, false, false, false],
            ])
    }

    // MARK: Malformed input

    @Test func aRowOfTheWrongLengthIsAProgrammingErrorAndTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = CountTable(parents: [nil], cells: [[1, 1, 0, 0]], massnahmenartCount: 0, rechtskreisCount: 0)
        }
    }

    @Test func aParentOutsideTheTableIsAProgrammingErrorAndTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = CountTable(parents: [nil, 5], cells: [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]], massnahmenartCount: 0, rechtskreisCount: 0)
        }
    }

    // MARK: Invariants on Hessen-shaped tables

    @Test func noGroupOfManyHessenShapedTablesRevealsAStar() {
        var random = SplitMix64(seed: 0x4745_4845_494D)
        var secondaryCells = 0
        var tablesWithParentOnlyProtection = 0
        for _ in 0..<400 {
            let table = Self.hessenShapedTable(&random)
            let suppressed = DisclosureControl.suppressedCells(table)
            let problems = Self.disclosureProblems(table, suppressed: suppressed)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
            #expect(DisclosureControl.suppressedCells(table) == suppressed, "deterministic")

            for (area, row) in table.cells.enumerated() {
                for (cell, count) in row.enumerated() where suppressed[area][cell] && count >= 3 {
                    secondaryCells += 1
                }
            }
            if Self.someParentGroupHoldsASinglePrimaryStar(table) {
                tablesWithParentOnlyProtection += 1
            }
        }
        // The data must exercise the rule, not just the primary step.
        #expect(secondaryCells > 1_000)
        #expect(tablesWithParentOnlyProtection > 0)
    }

    // MARK: Independent checker

    /// Every violation of what the result must satisfy, worked out from the table alone:
    /// cells of 1 or 2 are starred, zeros are not, and no group with a published total holds
    /// exactly one star unless all its other members are zero (the rule's one exemption).
    static func disclosureProblems(_ table: CountTable, suppressed: [[Bool]]) -> [String] {
        var problems = [String]()
        guard suppressed.count == table.cells.count else { return ["shape: \(suppressed.count) rows"] }
        for (area, row) in table.cells.enumerated() {
            guard suppressed[area].count == row.count else { return ["shape: area \(area)"] }
            for (cell, count) in row.enumerated() {
                if (count == 1 || count == 2) && !suppressed[area][cell] {
                    problems.append("area \(area) cell \(cell) = \(count) published")
                }
                if count == 0 && suppressed[area][cell] {
                    problems.append("area \(area) cell \(cell) = 0 suppressed")
                }
            }
        }
        for (total, members) in checkerGroups(table) {
            guard !suppressed[total.0][total.1] else { continue }
            let starred = members.filter { suppressed[$0.0][$0.1] }
            let otherNonZero = members.filter { !suppressed[$0.0][$0.1] && table.cells[$0.0][$0.1] != 0 }
            if starred.count == 1 && !otherNonZero.isEmpty {
                problems.append("group of total \(total) reveals \(starred[0])")
            }
        }
        return problems
    }

    /// The groups, built straight from the description: per area {total; gender}, {total; MA},
    /// {total; RK}; per area with children and per cell {parent's cell; children's cells}.
    static func checkerGroups(_ table: CountTable) -> [((Int, Int), [(Int, Int)])] {
        let width = table.cells.first?.count ?? 0
        let maEnd = 5 + table.massnahmenartCount
        var groups = [((Int, Int), [(Int, Int)])]()
        for area in table.cells.indices {
            groups.append(((area, 0), (1..<5).map { (area, $0) }))
            groups.append(((area, 0), (5..<maEnd).map { (area, $0) }))
            groups.append(((area, 0), (maEnd..<width).map { (area, $0) }))
        }
        for parent in table.cells.indices {
            let children = table.parents.indices.filter { table.parents[$0] == parent }
            guard !children.isEmpty else { continue }
            for cell in 0..<width {
                groups.append(((parent, cell), children.map { ($0, cell) }))
            }
        }
        return groups
    }

    /// Whether some parent group of the table, before any secondary step, has a published total
    /// and exactly one starred child: the situation only the parent groups protect. Used to show
    /// the random tables reach that part of the rule.
    static func someParentGroupHoldsASinglePrimaryStar(_ table: CountTable) -> Bool {
        let primary = table.cells.map { row in row.map { $0 == 1 || $0 == 2 } }
        let width = table.cells.first?.count ?? 0
        for parent in table.cells.indices {
            let children = table.parents.indices.filter { table.parents[$0] == parent }
            guard !children.isEmpty else { continue }
            for cell in 0..<width where !primary[parent][cell] {
                if children.filter({ primary[$0][cell] }).count == 1 { return true }
            }
        }
        return false
    }

    // MARK: Test data

    /// A table like Hessen's: Land `06`, three Regierungsbezirke, 5–14 Kreise each, in key order,
    /// 4 Maßnahmenarten and 6 Rechtskreise. Each Kreis gets participations with random gender,
    /// Maßnahmenart and Rechtskreis, so every sum holds as in real data; many Kreise are small.
    static func hessenShapedTable(_ random: inout SplitMix64) -> CountTable {
        let massnahmenarten = 4
        let rechtskreise = 6
        let width = 5 + massnahmenarten + rechtskreise
        var parents: [Int?] = [nil]
        var cells: [[Int]] = [Array(repeating: 0, count: width)]
        for _ in 0..<3 {
            let bezirk = cells.count
            parents.append(0)
            cells.append(Array(repeating: 0, count: width))
            for _ in 0..<(5 + Int(random.below(10))) {
                var kreis = Array(repeating: 0, count: width)
                let participants: Int =
                    switch random.below(4) {
                    case 0: Int(random.below(4))
                    case 1: Int(random.below(15))
                    case 2: Int(random.below(60))
                    default: Int(random.below(400))
                    }
                for _ in 0..<participants {
                    kreis[0] += 1
                    kreis[1 + pick(&random, weights: [45, 45, 1, 9])] += 1
                    kreis[5 + pick(&random, weights: [30, 25, 40, 5])] += 1
                    kreis[5 + massnahmenarten + pick(&random, weights: [40, 20, 10, 3, 7, 20])] += 1
                }
                parents.append(bezirk)
                cells.append(kreis)
                for cell in 0..<width {
                    cells[bezirk][cell] += kreis[cell]
                    cells[0][cell] += kreis[cell]
                }
            }
        }
        return CountTable(parents: parents, cells: cells, massnahmenartCount: massnahmenarten, rechtskreisCount: rechtskreise)
    }

    /// An index drawn with the given relative weights.
    static func pick(_ random: inout SplitMix64, weights: [Int]) -> Int {
        var draw = Int(random.below(UInt64(weights.reduce(0, +))))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }
}

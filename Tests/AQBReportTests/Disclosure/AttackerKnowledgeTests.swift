import Testing

@testable import AQBReport

/// The attacker of a new report beside earlier ones (`AttackerKnowledge.exposures`) takes two
/// shortcuts: neighbours' stars that stay safe whatever the new report publishes beyond its
/// small counts are settled once, and the new report's cells are first attacked in a program of
/// its cells alone. Neither may change a verdict: under any pattern that suppresses the small
/// counts, it finds exactly the cells the whole attack of `aqb-report audit` finds
/// (`DisclosureControl.audit` over every table, no shortcut).
@Suite struct AttackerKnowledgeTests {
    /// `table` with `count` more participations in random Kreise, every sum kept: a later
    /// counting day of the same cohort.
    static func grown(_ table: CountTable, _ random: inout SplitMix64, by count: Int) -> CountTable {
        var cells = table.cells
        let kreise = table.parents.indices.filter { table.parents[$0].map { table.parents[$0] != nil } ?? false }
        for _ in 0..<count {
            let kreis = kreise[Int(random.below(UInt64(kreise.count)))]
            var changed = [0, 1 + Int(random.below(4)), 5 + Int(random.below(4))]
            changed.append(5 + table.massnahmenartCount + Int(random.below(UInt64(table.rechtskreisCount))))
            var area: Int? = kreis
            while let current = area {
                for cell in changed { cells[current][cell] += 1 }
                area = table.parents[current]
            }
        }
        return CountTable(
            parents: table.parents, cells: cells, massnahmenartCount: table.massnahmenartCount, rechtskreisCount: table.rechtskreisCount)
    }

    static func rows(_ flat: [Bool], width: Int) -> [[Bool]] {
        stride(from: 0, to: flat.count, by: width).map { Array(flat[$0..<($0 + width)]) }
    }

    @Test func theShortcutsFindWhatTheWholeAttackFinds() throws {
        var random = SplitMix64(seed: 0x5348_4F52_5443_5554)
        var patternsWithExposures = 0
        var patternsThatPass = 0
        let days = ["2025-05-31", "2025-06-30"].map { CalendarDate(iso: $0) ?? .epoch }
        for _ in 0..<3 {
            let earlier = DisclosureControlTests.hessenShapedTable(&random)
            let newest = Self.grown(earlier, &random, by: 25)
            let values = newest.flatCells
            let shape = DisclosureControlTests.published(newest, Self.rows(values.map { _ in false }, width: newest.cellCount))
            // The earlier counting day as the ledger holds it.
            let counts = DisclosureControlTests.published(earlier, try DisclosureControl.suppress(earlier).suppressed)
            let neighbours = [NeighbourReport(counts: counts, asOf: days[0], isEarlier: true, cellMap: counts.cellMap(to: shape))]
            // Every cell a `*` (nothing to learn beyond the earlier report, which passes alone), the
            // pattern the search chooses, and random ones that suppress the small counts and some
            // more cells (most of them fail somewhere).
            var patterns = [values.map { _ in true }]
            patterns.append(try DisclosureControl.suppress(newest, neighbours: neighbours).suppressed.flatMap { $0 })
            patterns += (0..<3).map { _ in values.map { ($0 > 0 && $0 < 3) || random.below(100) < 15 } }
            for pattern in patterns {
                var knowledge = AttackerKnowledge(table: newest, neighbours: neighbours, threshold: 3)
                knowledge.shortcutsAfter = 1
                let found = try knowledge.exposures(pattern: pattern, stopAtFirst: false)
                let whole = try DisclosureControl.audit(
                    [(counts, days[0]), (DisclosureControlTests.published(newest, Self.rows(pattern, width: newest.cellCount)), days[1])])
                let ownFound = Set(found.compactMap(\.cell))
                let ownWhole = Set(whole.filter { $0.report == 1 }.map { $0.area * newest.cellCount + $0.cell })
                #expect(ownFound == ownWhole)
                #expect(found.filter { $0.cell == nil }.count == whole.filter { $0.report == 0 }.count)
                if whole.isEmpty { patternsThatPass += 1 } else { patternsWithExposures += 1 }
            }
        }
        // Both verdicts occur, or the comparison would prove little.
        #expect(patternsWithExposures > 0 && patternsThatPass > 1, "\(patternsWithExposures) \(patternsThatPass)")
    }
}

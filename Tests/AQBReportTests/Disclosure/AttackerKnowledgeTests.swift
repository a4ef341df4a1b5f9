import Testing

@testable import AQBReport

/// The attacker of a new report beside earlier ones (`AttackerKnowledge.exposures`) proves stars
/// safe by moves of the table (`MoveCertificates`) and keeps each proof while its cells stay
/// `*`. That may never change a verdict: under any pattern that suppresses the small counts, and
/// after any sequence of patterns before it, it finds exactly the cells the whole attack of
/// `aqb-report audit` finds (`DisclosureControl.audit` over every table, ranges by optimisation),
/// with the same ranges.
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

    /// A Hessen-shaped table, published with its own pattern as the ledger holds it, and a later
    /// counting day of the same cohort (25 more participations) beside it. The draws, in this
    /// order, are the ones `DisclosureControlTests` replays.
    static func cohort(_ random: inout SplitMix64, earlierDay: CalendarDate) throws -> (
        newest: CountTable, counts: PublishedCounts, neighbours: [NeighbourReport]
    ) {
        let earlier = DisclosureControlTests.hessenShapedTable(&random)
        let newest = grown(earlier, &random, by: 25)
        let shape = DisclosureControlTests.published(newest, rows(newest.flatCells.map { _ in false }, width: newest.cellCount))
        let counts = DisclosureControlTests.published(earlier, try DisclosureControl.suppress(earlier).suppressed)
        return (newest, counts, [NeighbourReport(counts: counts, asOf: earlierDay, isEarlier: true, cellMap: counts.cellMap(to: shape))])
    }

    static func rows(_ flat: [Bool], width: Int) -> [[Bool]] {
        stride(from: 0, to: flat.count, by: width).map { Array(flat[$0..<($0 + width)]) }
    }

    /// The parts of one Kreis across every table (`Holder.certificates`) gather a Kreis's own
    /// cells and the neighbours' stars of those cells; the Regierungsbezirke' and the Land's
    /// cells belong to none.
    @Test func eachVariableBelongsToTheKreisOfItsCell() throws {
        var random = SplitMix64(seed: 0x4B52_4549_53)
        let (newest, counts, neighbours) = try Self.cohort(&random, earlierDay: CalendarDate(iso: "2025-05-31") ?? .epoch)
        let knowledge = AttackerKnowledge(table: newest, neighbours: neighbours, threshold: 3)
        let kreise = knowledge.kreisOfVariables
        let children = newest.children
        let own = newest.flatCells.count
        for cell in 0..<own {
            let area = cell / newest.cellCount
            #expect(kreise[cell] == (children[area].isEmpty ? area : nil))
        }
        // The neighbour's stars follow the new report's cells, in the neighbour's cell order.
        let stars = counts.flatValues.indices.filter { counts.flatValues[$0] == nil }
        #expect(!stars.isEmpty)
        #expect(kreise.count == own + stars.count)
        for (offset, cell) in stars.enumerated() {
            let mapped = try #require(neighbours[0].cellMap[cell])
            #expect(kreise[own + offset] == kreise[mapped])
        }
        #expect(kreise.contains { $0 == nil } && kreise.contains { $0 != nil })
    }

    @Test func theMovesFindWhatTheWholeAttackFinds() throws {
        var random = SplitMix64(seed: 0x5348_4F52_5443_5554)
        var patternsWithExposures = 0
        var patternsThatPass = 0
        let days = ["2025-05-31", "2025-06-30"].map { CalendarDate(iso: $0) ?? .epoch }
        for _ in 0..<3 {
            let (newest, counts, neighbours) = try Self.cohort(&random, earlierDay: days[0])
            let values = newest.flatCells
            // Every cell a `*` (nothing to learn beyond the earlier report, which passes alone), the
            // pattern the search chooses, and random ones that suppress the small counts and some
            // more cells (most of them fail somewhere).
            var patterns = [values.map { _ in true }]
            patterns.append(try DisclosureControl.suppress(newest, neighbours: neighbours).suppressed.flatMap { $0 })
            patterns += (0..<3).map { _ in values.map { ($0 > 0 && $0 < 3) || random.below(100) < 15 } }
            for pattern in patterns {
                let knowledge = AttackerKnowledge(table: newest, neighbours: neighbours, threshold: 3)
                let found = try knowledge.exposures(pattern: pattern, stopAtFirst: false)
                let whole = try DisclosureControl.audit(
                    [(counts, days[0]), (DisclosureControlTests.published(newest, Self.rows(pattern, width: newest.cellCount)), days[1])])
                let ownFound = Set(found.compactMap(\.cell))
                let ownWhole = Set(whole.filter { $0.report == 1 }.map { $0.area * newest.cellCount + $0.cell })
                #expect(ownFound == ownWhole)
                #expect(found.filter { $0.cell == nil }.count == whole.filter { $0.report == 0 }.count)
                #expect(Self.ranges(found) == Self.ranges(whole, cellCount: newest.cellCount))
                if whole.isEmpty { patternsThatPass += 1 } else { patternsWithExposures += 1 }
            }
        }
        // Both verdicts occur, or the comparison would prove little.
        #expect(patternsWithExposures > 0 && patternsThatPass > 1, "\(patternsWithExposures) \(patternsThatPass)")
    }

    /// The ranges of the new report's exposed cells, by flat cell.
    static func ranges(_ found: [AttackerKnowledge.Found]) -> [Int: [Int?]] {
        Dictionary(uniqueKeysWithValues: found.compactMap { item in item.cell.map { ($0, [item.min, item.max]) } })
    }

    static func ranges(_ whole: [CellRange], cellCount: Int) -> [Int: [Int?]] {
        Dictionary(uniqueKeysWithValues: whole.filter { $0.report == 1 }.map { ($0.area * cellCount + $0.cell, [$0.min, $0.max]) })
    }

    /// A search audits pattern after pattern with one `AttackerKnowledge`, and pruning publishes
    /// one cell after another: a proof kept from an earlier pattern must be dropped as soon as a
    /// cell it moves is published. Starting from every cell a `*`, cells are published one by one
    /// in random order, and every verdict on the way is compared with the whole attack's.
    @Test func aProofKeptFromAnEarlierPatternIsDroppedWhenItsCellsArePublished() throws {
        var random = SplitMix64(seed: 0x4D4F_5645_5052_4F4F)
        let days = ["2025-05-31", "2025-06-30"].map { CalendarDate(iso: $0) ?? .epoch }
        var verdictsCompared = 0
        var exposedSeen = 0
        for _ in 0..<2 {
            let (newest, counts, neighbours) = try Self.cohort(&random, earlierDay: days[0])
            let values = newest.flatCells
            let knowledge = AttackerKnowledge(table: newest, neighbours: neighbours, threshold: 3)
            var pattern = values.map { _ in true }
            var order = values.indices.filter { !(values[$0] > 0 && values[$0] < 3) }
            for index in order.indices.reversed() {
                order.swapAt(index, Int(random.below(UInt64(index + 1))))
            }
            for (step, cell) in order.enumerated() {
                pattern[cell] = false
                // Every step would take minutes of whole attacks; every fifth is compared, and
                // the knowledge sees every step in between, as a search does.
                let found = try knowledge.exposures(pattern: pattern, near: cell, stopAtFirst: false)
                guard step % 5 == 0 else { continue }
                let whole = try DisclosureControl.audit(
                    [(counts, days[0]), (DisclosureControlTests.published(newest, Self.rows(pattern, width: newest.cellCount)), days[1])])
                #expect(Self.ranges(found) == Self.ranges(whole, cellCount: newest.cellCount), "step \(step)")
                #expect(found.filter { $0.cell == nil }.count == whole.filter { $0.report == 0 }.count, "step \(step)")
                verdictsCompared += 1
                if !whole.isEmpty { exposedSeen += 1 }
                // Once much is exposed, the rest of the walk compares little that is new.
                if exposedSeen > 6 { break }
            }
        }
        #expect(verdictsCompared > 4 && exposedSeen > 2, "\(verdictsCompared) \(exposedSeen)")
    }
}

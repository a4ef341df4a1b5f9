import Testing

@testable import AQBReport

/// `DisclosureLedger.distinct`: re-audits of one counting day (a project began to spend)
/// add entries with the same counts and more knowledge; the audit takes them as one table.
@Suite struct DisclosureLedgerDistinctTablesTests {
    /// One Kreis, two projects; `bounds` are what readers know of the projects' counts.
    func entry(_ bounds: [ParticipantBound?], total: Int? = 7, zaehltag: String = "2025-05-31") throws -> LedgerEntry {
        let day = try #require(CalendarDate(iso: zaehltag))
        let places = bounds.enumerated().map { index, bound in
            ProjectCells.Place(id: String(100 + index), area: 0, massnahmenart: 0, foerderschwerpunkt: nil, bound: bound)
        }
        let counts = PublishedCounts(
            keys: ["06411"], parents: [nil], massnahmenarten: ["AQV"], rechtskreise: ["SGB2"], values: [[total, nil, nil]],
            projects: places, projectValues: bounds.map { _ in nil }, starsMayBeZero: true)
        return LedgerEntry(year: 2025, zaehltag: day, stichtag: day, counts: counts)
    }

    @Test func reAuditsOfOneCountingDayAreOneTableWithAllTheKnowledge() throws {
        let ledger = DisclosureLedger(
            entries: [try entry([nil, nil]), try entry([.atLeastOne, nil]), try entry([.atLeastOne, .atLeastOne])], year: 2025)
        let tables = DisclosureLedger.distinct(ledger.entries)
        #expect(tables.count == 1)
        #expect(tables.first?.counts.projects?.map(\.bound) == [.atLeastOne, .atLeastOne])
        // Knowledge from an earlier entry is kept when a later one lacks it.
        let reversed = DisclosureLedger(entries: [try entry([.atLeastOne, nil]), try entry([nil, .zero])], year: 2025)
        #expect(DisclosureLedger.distinct(reversed.entries).map { $0.counts.projects?.map(\.bound) } == [[.atLeastOne, .zero]])
    }

    @Test func otherCountsOtherDaysAndContradictionsStayApart() throws {
        let ledger = DisclosureLedger(
            entries: [
                try entry([nil, nil]),
                try entry([nil, nil], total: 8),  // late entries changed a published count: a revision
                try entry([nil, nil], zaehltag: "2025-06-30"),
                try entry([.zero, nil]), try entry([.atLeastOne, nil]),  // contradict each other
            ], year: 2025)
        let tables = DisclosureLedger.distinct(ledger.entries)
        // The first absorbs the `.zero` entry; the `.atLeastOne` one contradicts it.
        #expect(tables.count == 4)
        #expect(tables.map { $0.counts.values[0][0] } == [7, 8, 7, 7])
        #expect(tables.map(\.zaehltag.description) == ["2025-05-31", "2025-05-31", "2025-06-30", "2025-05-31"])
        #expect(tables[0].counts.projects?.first?.bound == .zero)
        #expect(tables[3].counts.projects?.first?.bound == .atLeastOne)
    }
}

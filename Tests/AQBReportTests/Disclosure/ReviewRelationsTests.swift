import Testing

@testable import AQBReport

/// The counts the autumn review added (issue 9) are in the attacker's knowledge with their
/// relations: projects add up to their Kreis's Maßnahmenart and Förderschwerpunkt cells, the
/// inclusion cells are parts of the total, and the active count does not link across Stichtage.
///
/// One Land with one Kreis, one Maßnahmenart, no Rechtskreis, one Förderschwerpunkt (cells:
/// total, w, m, d, ohne Angabe, MA, FSP, ohne FSP, mit Behinderung, unbekannt, aktiv).
@Suite struct ReviewRelationsTests {
    static let september15 = CalendarDate(iso: "2025-09-15") ?? .epoch
    static let september30 = CalendarDate(iso: "2025-09-30") ?? .epoch

    static func counts(
        kreis: [Int?], projects: [Int?]? = nil, schwerpunkte: [Int?] = [], land: [Int?]? = nil
    ) -> PublishedCounts {
        let places = projects.map {
            $0.indices.map { index in
                ProjectCells.Place(
                    id: "p\(index)", area: 1, massnahmenart: 0,
                    foerderschwerpunkt: schwerpunkte.indices.contains(index) ? schwerpunkte[index] : nil)
            }
        }
        return PublishedCounts(
            keys: ["06", "06411"], parents: [nil, 0], massnahmenarten: ["AQV"], rechtskreise: [], foerderschwerpunkte: ["Sprachförderung"],
            inclusion: true, values: [land ?? kreis, kreis], projects: places, projectValues: projects ?? [], starsMayBeZero: true)
    }

    @Test func theLayoutPlacesEveryNewCellOnce() {
        let layout = CellLayout(massnahmenartCount: 1, rechtskreisCount: 0, foerderschwerpunktCount: 2, inclusion: true)
        let cells =
            [layout.total] + Array(layout.geschlechtRange) + Array(layout.massnahmenartRange) + Array(layout.foerderschwerpunktRange)
            + [layout.mitBehinderung, layout.behinderungUnbekannt, layout.aktiv]
        #expect(cells == Array(0..<layout.cellCount))
        #expect(layout.foerderschwerpunkt(nil) == layout.foerderschwerpunktRange.upperBound - 1)
        #expect(!layout.growsWithStichtag(layout.aktiv) && layout.growsWithStichtag(layout.mitBehinderung))
    }

    @Test func aStarredProjectIsRecomputedFromItsKreisAndTheOtherProjects() throws {
        // Kreis 21 in AQV; projects 20 and * → the * is 1.
        let kreis: [Int?] = [21, 10, 11, 0, 0, 21, 0, 21, 0, 0, 21]
        let exposed = try DisclosureControl.audit([(Self.counts(kreis: kreis, projects: [20, nil]), Self.september30)])
        #expect(exposed.count == 1)
        #expect(exposed.first.map { ($0.min, $0.max) } ?? (0, nil) == (1, 1))
        #expect(
            exposed.first.map { Self.counts(kreis: kreis, projects: [20, nil]).cellName(area: $0.area, cell: $0.cell) }
                == "projekte.csv p1 teilnehmende")
    }

    @Test func aKreisWithoutProjectsOfAMassnahmenartHasZeroThere() throws {
        // No project listed: the Kreis's AQV cell is 0, so a * there is exposed.
        let kreis: [Int?] = [0, 0, 0, 0, 0, nil, 0, 0, 0, 0, 0]
        let exposed = try DisclosureControl.audit([
            (Self.counts(kreis: kreis, projects: [], land: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), Self.september30)
        ])
        #expect(exposed.map { ($0.min, $0.max ?? -1) }.elementsEqual([(0, 0)], by: ==))
    }

    @Test func aProjectsEarmarkTiesItToTheFoerderschwerpunktCell() throws {
        // Projects 20 (Sprachförderung) and * (ohne); the FSP cell 20 and "ohne" 1 give it away
        // even though the Maßnahmenart cell is a star too.
        let kreis: [Int?] = [21, 10, 11, 0, 0, nil, 20, 1, 0, 0, 21]
        let land: [Int?] = [21, 10, 11, 0, 0, nil, 20, 1, 0, 0, 21]
        let exposed = try DisclosureControl.audit([
            (Self.counts(kreis: kreis, projects: [20, nil], schwerpunkte: [0, nil], land: land), Self.september30)
        ])
        #expect(exposed.contains { $0.min == 1 && $0.max == 1 })
    }

    @Test func disabilityCountsArePartsOfTheTotalNotABreakdown() throws {
        // total 10, unbekannt 8: mit Behinderung is at most 2, so its * is exposed …
        let exposed = try DisclosureControl.audit([(Self.counts(kreis: [10, 5, 5, 0, 0, 10, 0, 10, nil, 8, 10]), Self.september30)])
        // (the Kreis's cell and the Land's, which is the same here)
        #expect(exposed.count == 2 && exposed.allSatisfy { $0.min == 0 && $0.max == 2 })
        // … while with unbekannt 2 it may be anything up to 8: safe.
        let safe = try DisclosureControl.audit([(Self.counts(kreis: [10, 5, 5, 0, 0, 10, 0, 10, nil, 2, 10]), Self.september30)])
        #expect(safe.isEmpty)
    }

    @Test func activeParticipationsDoNotBoundALaterReport() throws {
        // Earlier: all 10 participations active, published; later: still 10 entries, active `*`
        // (in the Kreis and, the same, in the Land). Linked like an entry count, the later `*`
        // would be at least 10 and at most the total 10: exact. Active counts can shrink, so a
        // reader knows only 0…10.
        let earlier = Self.counts(kreis: [10, 5, 5, 0, 0, 10, 0, 10, 0, 0, 10])
        let later = Self.counts(kreis: [10, 5, 5, 0, 0, 10, 0, 10, 0, 0, nil])
        #expect(try DisclosureControl.audit([(earlier, Self.september15), (later, Self.september30)]).isEmpty)
        // An entry count is linked: "mit Behinderung" 10 earlier pins the later `*` to 10.
        let linkedEarlier = Self.counts(kreis: [10, 5, 5, 0, 0, 10, 0, 10, 10, 0, 10])
        let linkedLater = Self.counts(kreis: [10, 5, 5, 0, 0, 10, 0, 10, nil, 0, 10])
        let exposed = try DisclosureControl.audit([(linkedEarlier, Self.september15), (linkedLater, Self.september30)])
        #expect(exposed.count == 2 && exposed.allSatisfy { $0.min == 10 && $0.max == 10 }, "\(exposed)")
    }

    @Test func whatAFindingSaysAboutAProjectNarrowsItsStar() throws {
        // Two starred projects make up the Kreis's 3 in AQV: each may be 0…3 …
        let kreis: [Int?] = [3, 1, 2, 0, 0, 3, 0, 3, 0, 0, 3]
        var counts = Self.counts(kreis: kreis, projects: [nil, nil])
        #expect(try DisclosureControl.audit([(counts, Self.september30)]).isEmpty)
        // … but a finding "a participation ends before it begins" on each says both are ≥ 1: 1…2.
        counts.projects = counts.projects?.map { place in
            var place = place
            place.bound = .atLeastOne
            return place
        }
        #expect(try DisclosureControl.audit([(counts, Self.september30)]).count == 2)
        // "Spending but no participants" on the first pins it to 0, so the second is the 3.
        counts.projects?[0].bound = .zero
        counts.projects?[1].bound = nil
        let exposed = try DisclosureControl.audit([(counts, Self.september30)])
        #expect(exposed.contains { $0.min == 3 && $0.max == 3 })
    }

    @Test func suppressionProtectsASmallProjectAndPassesItsOwnAudit() throws {
        // A Kreis with projects of 1 and 30 participants in one Maßnahmenart: the 1 must be
        // protected although the Kreis cell is large.
        let table = CountTable(
            parents: [nil, 0], cells: [[31, 15, 16, 0, 0, 31, 1, 30, 0, 0, 31], [31, 15, 16, 0, 0, 31, 1, 30, 0, 0, 31]],
            massnahmenartCount: 1, rechtskreisCount: 0, foerderschwerpunktCount: 2, inclusion: true,
            projects: ProjectCells(
                places: [
                    ProjectCells.Place(id: "1", area: 1, massnahmenart: 0, foerderschwerpunkt: 0),
                    ProjectCells.Place(id: "2", area: 1, massnahmenart: 0, foerderschwerpunkt: nil),
                ], values: [1, 30]))
        let pattern = try DisclosureControl.suppress(table)
        // The 1 is hidden, and so is its Förderschwerpunkt cell (also 1); `suppress` has audited
        // the result (it throws otherwise).
        #expect(pattern.projectSuppressed.first == true)
        #expect(pattern.suppressed[1][6])
    }
}

import Testing

@testable import AQBReport

/// The search's protecting moves sought within a Kreis first (`SecondarySuppression.KreisMovers`).
@Suite struct SecondarySuppressionTests {
    /// A Hessen-shaped table with a project list: each Kreis's count of a Maßnahmenart split
    /// into a project of 1 and one of the rest.
    static func tableWithProjects(_ random: inout SplitMix64) -> CountTable {
        let table = DisclosureControlTests.hessenShapedTable(&random)
        let children = table.children
        var places: [ProjectCells.Place] = []
        var values: [Int] = []
        for area in table.parents.indices where children[area].isEmpty {
            for massnahmenart in 0..<table.massnahmenartCount {
                let count = table.cells[area][table.layout.massnahmenart(massnahmenart)]
                for part in count >= 2 ? [1, count - 1] : [count] {
                    places.append(
                        ProjectCells.Place(id: String(places.count + 1), area: area, massnahmenart: massnahmenart, foerderschwerpunkt: nil))
                    values.append(part)
                }
            }
        }
        return CountTable(
            parents: table.parents, cells: table.cells, massnahmenartCount: table.massnahmenartCount,
            rechtskreisCount: table.rechtskreisCount, projects: ProjectCells(places: places, values: values))
    }

    /// A project's small count: the move found stays within its Kreis, lifts the count to the
    /// threshold, keeps every sum of the table and every lower bound, and marks the cells it
    /// moves as suppressed.
    @Test func aSmallCountIsProtectedWithinItsKreis() throws {
        var random = SplitMix64(seed: 0x4B52_4549_5332)
        let table = Self.tableWithProjects(&random)
        let knowledge = AttackerKnowledge(table: table, neighbours: [], threshold: 3)
        let space = knowledge.moveSpace
        let kreisOf = knowledge.kreisOfVariables
        let values = table.flatCells
        let areaCells = table.areaCount * table.cellCount
        let small = try #require(values.indices.first { $0 >= areaCells && values[$0] == 1 })
        var suppressed = values.map { $0 > 0 && $0 < 3 }
        let movers = SecondarySuppression.KreisMovers()
        let move = try #require(movers.protect(small, need: 2, space: space, kreisOf: kreisOf, suppressed: &suppressed))
        #expect(move[small] >= 2)
        for variable in move.indices where move[variable] != 0 {
            #expect(kreisOf[variable] == kreisOf[small])
            #expect(suppressed[variable])
            #expect(space.base[variable] + move[variable] >= space.lower[variable])
        }
        for equation in space.equations {
            #expect(equation.reduce(0) { $0 + $1.coefficient * move[$1.variable] } == 0)
        }
        for inequality in space.inequalities {
            #expect(inequality.terms.reduce(0) { $0 + $1.coefficient * move[$1.variable] } <= inequality.bound)
        }
        // The Land's cells belong to no Kreis: they are left to the whole table.
        #expect(movers.protect(0, need: 1, space: space, kreisOf: kreisOf, suppressed: &suppressed) == nil)
    }
}

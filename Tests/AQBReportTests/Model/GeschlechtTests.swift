import Testing

@testable import AQBReport

@Suite struct GeschlechtTests {
    @Test func indexIsThePositionInAllCases() {
        for (position, geschlecht) in Geschlecht.allCases.enumerated() { #expect(geschlecht.index == position) }
    }

    @Test(arguments: ["x", "W", "", "mw"])
    func aValueTheSchemaDoesNotAllowIsRefused(text: String) {
        #expect(Geschlecht(column: text) == nil)
    }
}

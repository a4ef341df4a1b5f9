import Testing

@testable import AQBReport

/// The parts of the move space (`MoveCertificates.Part`) hold the published cells of the
/// pattern the whole is under, each at its own place.
@Suite struct MoveCertificatesTests {
    /// A part of one Kreis has this report's cells from anywhere in the table, then neighbours'
    /// stars. Its cells take their own entries of the pattern, not the first ones of the table
    /// (which are the Land's): with the prefix, a part of a Kreis held the Land's pattern.
    @Test func aPartTakesThePatternOfItsOwnCells() {
        let space = MoveSpace(base: [1, 1, 1, 1], lower: [0, 0, 0, 0], ownCount: 3)
        var built = 0
        let part = MoveCertificates.Part(variables: [4, 7, 9, 12, 15]) {
            built += 1
            return MoveCertificates(space: space, threshold: 3, price: [1, 1, 1, 1])
        }
        let pattern = (0..<10).map { $0 == 7 || $0 == 9 }
        #expect(part.selection.own(pattern) == [false, true, true])
        // Built on first use only, under the pattern of that moment.
        #expect(built == 0)
        part.apply(pattern)
        #expect(built == 0 && part.built == nil)
        _ = part.moves(under: pattern)
        _ = part.moves(under: pattern)
        #expect(built == 1 && part.built != nil)
    }
}

import Foundation
import Testing

@testable import AQBReport

/// A cell measured on its bytes has the widths its string has: trimmed as Foundation trims
/// (`whitespacesAndNewlines`), counted in characters, its longest word between spaces.
@Suite struct ASCIIWidthTests {
    static let texts = [
        "", " ", "  a  ", "\t\n\u{0B}\u{0C}x y\t", "Budget vereinbart", "a  b   ccc ", "1.234.567,89",
        "   ", "x\ty z", "\u{0C}Kassel (06611)\u{0B}",
    ]

    @Test(arguments: texts)
    func measuresAsTheStringDoes(text: String) {
        let bytes = Array(text.utf8)
        let trimmed = ASCIIWidth.trimmed(bytes[...])
        let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(String(decoding: trimmed, as: UTF8.self) == expected)
        #expect(trimmed.count == expected.count)
        #expect(ASCIIWidth.longestWord(trimmed) == (expected.split(separator: " ").map(\.count).max() ?? 0))
    }

    /// Random ASCII with every kind of blank, measured both ways.
    @Test func randomASCIIIsMeasuredAsTheStringIs() {
        var random = SplitMix64(seed: 19)
        let alphabet = Array("ab1 \t\n\u{0B}\u{0C}.;,-".utf8)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(random.next() % 12)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let trimmed = ASCIIWidth.trimmed(bytes[...])
            #expect(trimmed.count == expected.count, "\(bytes)")
            #expect(ASCIIWidth.longestWord(trimmed) == (expected.split(separator: " ").map(\.count).max() ?? 0), "\(bytes)")
        }
    }
}

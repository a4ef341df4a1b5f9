import Testing

@testable import AQBReport

@Suite struct CentsTests {
    @Test(
        arguments: [
            ("0", 0), ("7", 700), ("10.5", 1050), ("10.50", 1050), ("-41.01", -4101), ("0.01", 1), ("-0.01", -1),
            ("999999999999.99", 99_999_999_999_999), ("-999999999999.99", -99_999_999_999_999),
            ("92233720368547758.07", Int64.max),
        ] as [(String, Int64)])
    func parsesNumericTextExactly(text: String, cents: Int64) {
        #expect(Cents(numericText: text) == Cents(cents))
    }

    @Test(arguments: [
        "", "-", ".", "1.", ".5", "0.00001", "0.001", "1.234", "NaN", "Infinity", "-Infinity", "1e5", "12abc", " 1",
        "1 ", "+1", "1,50", "--1", "92233720368547758.08", "1.2.3",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(Cents(numericText: text) == nil)
    }

    @Test func arithmeticStaysInCents() {
        #expect(Cents(1050) + Cents(-4101) == Cents(-3051))
        #expect(Cents(100) - Cents(1) == Cents(99))
        #expect(-Cents(5) == Cents(-5))
    }
}

@Suite struct PercentageTests {
    @Test(
        arguments: [
            (623, 1000, 623), (1, 3, 333), (2, 3, 667), (1, 2000, 1), (1, 2001, 0), (-1, 2000, -1), (-1, 2001, 0),
            (5, 10_000, 1), (4, 10_000, 0), (15, 10_000, 2), (-15, 10_000, -2), (0, 7, 0), (3, 2, 1500),
        ] as [(Int64, Int64, Int)])
    func roundsHalfAwayFromZero(part: Int64, whole: Int64, tenths: Int) {
        #expect(Percentage.tenths(of: Cents(part), per: Cents(whole)) == tenths)
    }

    @Test func doesNotOverflowForLargeAmounts() {
        let big = Cents(Int64.max / 10)
        #expect(Percentage.tenths(of: big, per: big) == 1000)
    }
}

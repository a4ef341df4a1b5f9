import Testing

@testable import AQBReport

@Suite struct NumberFormatTests {
    @Test(
        arguments: [
            (123_456_789, "1.234.567,89\u{00A0}€"), (0, "0,00\u{00A0}€"), (5, "0,05\u{00A0}€"), (-4101, "-41,01\u{00A0}€"),
            (100_000, "1.000,00\u{00A0}€"), (99_999, "999,99\u{00A0}€"),
        ] as [(Int64, String)])
    func formatsEuroTheGermanWay(cents: Int64, text: String) {
        #expect(NumberFormat.euro(Cents(cents)) == text)
    }

    @Test func formatsPlainAmountsForCSV() {
        #expect(NumberFormat.plain(Cents(123_456_789), decimalSeparator: ",") == "1234567,89")
        #expect(NumberFormat.plain(Cents(-5), decimalSeparator: ".") == "-0.05")
        #expect(NumberFormat.plain(Cents(Int64.min + 1), decimalSeparator: ".") == "-92233720368547758.07")
    }

    @Test func formatsPercentagesAndCounts() {
        #expect(NumberFormat.percent(623) == "62,3\u{00A0}%")
        #expect(NumberFormat.percent(-5) == "-0,5\u{00A0}%")
        #expect(NumberFormat.plainPercent(1000, decimalSeparator: ".") == "100.0")
        #expect(NumberFormat.count(1_234_567) == "1.234.567")
        #expect(NumberFormat.count(999) == "999")
    }
}

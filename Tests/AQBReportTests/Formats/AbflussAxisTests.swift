import Testing

@testable import AQBReport

/// The Mittelabfluss axis: readable ticks for ordinary shares and for absurd ones.
@Suite struct AbflussAxisTests {
    @Test(arguments: [0, 748, 1000, 1001, 2500, 99_999, 123_456_789])
    func ticksNeverOverlapAndCoverTheLargestShare(largest: Int) {
        let plotWidth = 420
        let (end, step) = AbflussChart.axis(largest: largest, plotWidth: plotWidth)
        #expect(end >= max(1000, largest) && end % step == 0)
        #expect(plotWidth * step / end >= SVGDocument.textWidth(ChartText.tick(end)) + 4)
        #expect(end / step <= 20)
    }

    @Test func anOrdinaryYearHasTenPercentSteps() {
        #expect(AbflussChart.axis(largest: 748, plotWidth: 420) == (1000, 100))
    }
}

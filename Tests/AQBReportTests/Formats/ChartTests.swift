import Testing

@testable import AQBReport

/// The chart writer's parts that need no database: the pro-rata line, escaping, layout estimates.
/// (Charts from real reports, suppression included, are checked in `RechtskreisChartTests` and
/// `HTMLReportTests`.)
@Suite struct ChartTests {
    @Test(arguments: [
        (2025, "2025-09-30", 748), (2025, "2025-01-01", 3), (2025, "2025-12-31", 1000), (2024, "2025-09-30", 1000),
        (2024, "2024-02-29", 164), (2026, "2025-09-30", 0),
    ])
    func proRataLineFollowsTheCalendar(year: Int, asOf: String, tenths: Int) throws {
        #expect(AbflussChart.proRataTenths(year: year, asOf: try #require(CalendarDate(iso: asOf))) == tenths)
    }

    @Test func textAndTooltipsAreEscaped() {
        var document = SVGDocument(id: "t", width: 100, height: 100)
        document.text("Darm<stadt> & \"Co\" 'x'", x: 1, y: 1)
        document.rect(x: 0, y: 0, width: 1, height: 1, fill: "#000000", label: "</title><script>alert(1)</script>")
        let svg = document.svg(title: "A <b>", description: "B & C")
        #expect(svg.contains("Darm&lt;stadt&gt; &amp; &quot;Co&quot; &#39;x&#39;"))
        #expect(svg.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("<title id=\"t-title\">A &lt;b&gt;</title>") && svg.contains("B &amp; C"))
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
    }

    @Test func controlCharactersDoNotBreakTheXML() {
        #expect(XMLEscape.text("a\u{01}b\tc\nd") == "a\u{FFFD}b\tc\nd")
    }

    @Test func textWidthEstimateErsOnTheWideSide() {
        // DejaVu Sans at 12 px: "Regierungsbezirk Darmstadt" is about 170 px, bold about 190 px.
        #expect(SVGDocument.textWidth("Regierungsbezirk Darmstadt") >= 170)
        #expect(SVGDocument.textWidth("Regierungsbezirk Darmstadt", bold: true) >= 190)
    }
}

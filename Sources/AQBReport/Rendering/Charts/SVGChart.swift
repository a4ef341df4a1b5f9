/// One chart of the report: a standalone SVG file and the same drawing inline in `bericht.html`.
public struct SVGChart: Sendable, Equatable {
    /// `grafik-mittelabfluss.svg`.
    public let fileName: String
    /// One sentence under the chart in the HTML, saying how to read it.
    public let caption: String
    /// The `<svg>` element, without an XML declaration (it is embedded in HTML as is).
    public let svg: String

    /// The file's bytes: an XML declaration, then the element.
    public var fileBytes: [UInt8] { Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg).utf8) }
}

/// The charts of a year's report, in the order they appear.
public enum ReportCharts {
    public static func all(_ report: YearReport) -> [SVGChart] {
        [AbflussChart(report: report).chart, RechtskreisMixChart(report: report).chart, MassnahmenartChart(report: report).chart]
    }
}

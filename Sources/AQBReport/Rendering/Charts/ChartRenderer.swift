/// The charts as SVG files beside the report, for slides and documents.
public struct ChartRenderer: ReportRenderer {
    public init() {}

    public var format: String { "svg" }

    public func render(_ input: RenderInput, into files: inout some FileSink) throws(ReportError) {
        for chart in ReportCharts.all(input.report) { try files.write(chart.fileName, bytes: chart.fileBytes) }
    }
}

/// The charts as SVG files beside the report, for slides and documents.
public struct ChartRenderer: ReportRenderer {
    public init() {}

    public var format: String { "svg" }

    public func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        ReportCharts.all(input.report).map { ($0.fileName, $0.fileBytes) }
    }
}

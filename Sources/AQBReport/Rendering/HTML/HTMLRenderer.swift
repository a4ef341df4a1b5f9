/// `bericht.html`, the report for the browser and for print, with the charts inline, and the
/// county sheets as HTML (`kreise/<ags>-<slug>.html`) it links to.
public struct HTMLRenderer: ReportRenderer {
    public init() {}

    public var format: String { "html" }

    public func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        let report = HTMLReport(report: input.report, context: input.context, charts: ReportCharts.all(input.report))
        return [(HTMLReport.fileName, report.bytes)]
            + CountySheetHTML.all(report: input.report, context: input.context).map { ($0.fileName, $0.bytes) }
    }
}

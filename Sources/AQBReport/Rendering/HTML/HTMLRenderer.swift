/// `bericht.html`, the report for the browser and for print, with the charts inline, and the
/// county sheets as HTML (`kreise/<ags>-<slug>.html`) it links to. With the Markdown format
/// selected too, the pages are written in the Markdown's pass (`RenderPass`, `ReportDocuments`).
public struct HTMLRenderer: ReportRenderer {
    public init() {}

    public var format: String { "html" }

    public func render(_ input: RenderInput, into files: inout some FileSink) throws(ReportError) {
        _ = try ReportDocuments(input: input).write(into: &files, markdown: false, html: true)
    }
}

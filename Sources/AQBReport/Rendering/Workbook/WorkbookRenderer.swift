/// `bericht.xlsx`, the format analysts open in Excel.
public struct WorkbookRenderer: ReportRenderer {
    public init() {}

    public var format: String { "xlsx" }

    public func render(_ input: RenderInput, into files: inout some FileSink) throws(ReportError) {
        try WorkbookReport(report: input.report, context: input.context).write(into: &files)
    }
}

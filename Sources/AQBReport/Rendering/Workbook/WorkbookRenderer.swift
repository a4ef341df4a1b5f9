/// `bericht.xlsx`, the format analysts open in Excel.
public struct WorkbookRenderer: ReportRenderer {
    public init() {}

    public var format: String { "xlsx" }

    public func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        [(WorkbookReport.fileName, try WorkbookReport(report: input.report, context: input.context).bytes())]
    }
}

/// `werte.csv`: the format for machines.
public struct LongCSVRenderer: ReportRenderer {
    public init() {}

    public var format: String { "werte" }

    public func render(_ input: RenderInput, into files: inout some FileSink) throws(ReportError) {
        try files.write(LongCSV.fileName, bytes: LongCSV(report: input.report).bytes)
    }
}

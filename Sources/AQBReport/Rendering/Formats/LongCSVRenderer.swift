/// `werte.csv`: the format for machines.
public struct LongCSVRenderer: ReportRenderer {
    public init() {}

    public var format: String { "werte" }

    public func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        [(LongCSV.fileName, LongCSV(report: input.report).bytes)]
    }
}

/// What a renderer needs to write a year's files: the report and the facts about the run.
public struct RenderInput: Sendable {
    public let report: YearReport
    public let context: ReportContext
    /// The CSV dialect of the wide files; the formats for machines ignore it on purpose.
    public let csvFormat: CSVFormat

    public init(report: YearReport, context: ReportContext, csvFormat: CSVFormat) {
        self.report = report
        self.context = context
        self.csvFormat = csvFormat
    }
}

/// One output format: turns a year's report into named files.
///
/// The runner writes whatever the renderers of `ReportRenderers.all` return, so the next format
/// is one new type and one line there; the runner does not grow with every format.
public protocol ReportRenderer: Sendable {
    /// The format's name, as a future format switch would list it (`werte`, `xlsx`, …).
    var format: String { get }

    /// The files of one year's folder, in the order they are written.
    func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])]
}

/// The formats written beside the CSV files and `bericht.md`, in the order they are written.
public enum ReportRenderers {
    public static let all: [any ReportRenderer] = [
        LongCSVRenderer(),
        WorkbookRenderer(),
        HTMLRenderer(),
        ChartRenderer(),
    ]
}

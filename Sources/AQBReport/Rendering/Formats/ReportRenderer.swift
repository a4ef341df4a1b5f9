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
/// The runner writes whatever the renderers of `ReportRenderers.all` return that the `formats`
/// setting names, so the next format is one new type and one line there; the runner does not
/// grow with every format.
public protocol ReportRenderer: Sendable {
    /// The format's name in the `formats` setting (`csv`, `md`, `werte`, `xlsx`, …).
    var format: String { get }

    /// The files of one year's folder, in the order they are written.
    func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])]
}

/// Every format, in the order they are written; the `formats` setting picks from this list.
public enum ReportRenderers {
    public static let all: [any ReportRenderer] = [
        CSVRenderer(),
        MarkdownRenderer(),
        LongCSVRenderer(),
        WorkbookRenderer(),
        HTMLRenderer(),
        ChartRenderer(),
    ]

    /// The names the `formats` setting accepts.
    public static var names: [String] { all.map(\.format) }

    /// The renderers of the named formats (all when `formats` is `nil`), in the list's order.
    public static func selected(_ formats: [String]?) -> [any ReportRenderer] {
        guard let formats else { return all }
        return all.filter { formats.contains($0.format) }
    }
}

/// The three wide CSV files, in the dialect of `csv_format`.
public struct CSVRenderer: ReportRenderer {
    public init() {}
    public var format: String { "csv" }
    public func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        CSVReport(report: input.report, format: input.csvFormat).files
            + (input.report.vorjahr.map { [(VorjahrCSV.fileName, VorjahrCSV(vergleich: $0, format: input.csvFormat).bytes)] } ?? [])
    }
}

/// `bericht.md` and the county sheets `kreise/<ags>-<slug>.md`.
public struct MarkdownRenderer: ReportRenderer {
    public init() {}
    public var format: String { "md" }
    public func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        [("bericht.md", MarkdownReport(report: input.report, context: input.context).bytes)]
            + CountySheet.all(report: input.report, context: input.context)
    }
}

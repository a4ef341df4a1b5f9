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

/// One output format: writes a year's report into named files.
///
/// The runner hands every renderer of `ReportRenderers.all` that the `formats` setting names the
/// year's staging folder, so the next format is one new type and one line there; the runner does
/// not grow with every format. A renderer writes each file as it produces it (`FileSink`,
/// `FileWriter`) rather than returning it: the large lists never sit in memory as a whole.
public protocol ReportRenderer: Sendable {
    /// The format's name in the `formats` setting (`csv`, `md`, `werte`, `xlsx`, …).
    var format: String { get }

    /// Writes the files of one year's folder into `files`, in the order of the manifest.
    func render(_ input: RenderInput, into files: inout some FileSink) throws(ReportError)
}

extension ReportRenderer {
    /// The files of one year's folder in memory, in the order they are written (tests).
    public func files(for input: RenderInput) throws(ReportError) -> [(name: String, bytes: [UInt8])] {
        var memory = MemoryFiles()
        try render(input, into: &memory)
        return memory.files
    }
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

/// The wide CSV files, in the dialect of `csv_format`.
public struct CSVRenderer: ReportRenderer {
    public init() {}
    public var format: String { "csv" }
    public func render(_ input: RenderInput, into files: inout some FileSink) throws(ReportError) {
        try CSVReport(report: input.report, format: input.csvFormat).write(into: &files)
        if let vergleich = input.report.vorjahr {
            try files.write(VorjahrCSV.fileName, bytes: VorjahrCSV(vergleich: vergleich, format: input.csvFormat).bytes)
        }
    }
}

/// `bericht.md` and the county sheets `kreise/<ags>-<slug>.md`; with the HTML format selected
/// too, their HTML is written in the same pass (`ReportDocuments`).
public struct MarkdownRenderer: ReportRenderer {
    public init() {}
    public var format: String { "md" }
    public func render(_ input: RenderInput, into files: inout some FileSink) throws(ReportError) {
        _ = try ReportDocuments(input: input).write(into: &files, markdown: true, html: false)
    }
}

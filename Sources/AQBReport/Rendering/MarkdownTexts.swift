import Foundation

/// The Markdown of a year's report, built once for every format that shows it: `bericht.md` and
/// `bericht.html` render the same report text, and the county sheets are written as Markdown and
/// as HTML. Building them twice was a sixth of a run's CPU on the benchmark's data (issue 19).
///
/// A class, so that the renderers of one `RenderInput` share it; its lock makes the sharing safe
/// should renderers ever run side by side.
public final class MarkdownTexts: @unchecked Sendable {
    private let report: YearReport
    private let context: ReportContext
    private let lock = NSLock()
    private var berichtText: String?
    private var sheets: [(sheet: CountySheet, text: String)]?

    public init(report: YearReport, context: ReportContext) {
        self.report = report
        self.context = context
    }

    /// The text of `bericht.md` (`MarkdownReport`).
    public var bericht: String {
        lock.withLock {
            if let berichtText { return berichtText }
            let text = MarkdownReport(report: report, context: context).text
            berichtText = text
            return text
        }
    }

    /// Every Kreis's sheet with its Markdown text, in the order of the report's areas.
    public var countySheets: [(sheet: CountySheet, text: String)] {
        lock.withLock {
            if let sheets { return sheets }
            let built = report.areas.indices.filter { report.areas[$0].ebene == .kreis }.map { index in
                let sheet = CountySheet(report: report, context: context, area: index)
                return (sheet, sheet.text)
            }
            sheets = built
            return built
        }
    }
}

/// `bericht.html`: `bericht.md` rendered by cmark-gfm into one self-contained page with an
/// embedded stylesheet and the charts inline.
///
/// Nothing is loaded from anywhere: no script, no font, no image file; a Content-Security-Policy
/// forbids all of it, so even a slip in escaping could not run code or call out. The Markdown is
/// rendered in cmark-gfm's safe mode with the tag filter: data stay text. The same values as the
/// Markdown, so the same suppression.
public struct HTMLReport {
    public static let fileName = "bericht.html"

    public let report: YearReport
    public let context: ReportContext
    public let charts: [SVGChart]

    public init(report: YearReport, context: ReportContext, charts: [SVGChart]) {
        self.report = report
        self.context = context
        self.charts = charts
    }

    public var bytes: [UInt8] { Array(text.utf8) }

    public var text: String {
        let markdown = MarkdownReport(report: report, context: context)
        let body = HTMLReport.marked(CommonMark.html(markdown.text))
        let title = "AQB \(report.year): Bericht zum Stichtag \(report.asOf.german)"
        return """
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="generator" content="aqb-report \(ReportRunner.version)">
            <title>\(XMLEscape.text(title))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>
            <main>
            \(HTMLReport.inserting(chartsSection, intoSecondSectionOf: body))</main>
            </body>
            </html>

            """
    }

    /// The charts after the first section (Hessen at a glance), where a reader looks first.
    var chartsSection: String {
        guard !charts.isEmpty else { return "" }
        var html = "<section class=\"grafiken\">\n<h2>Grafiken</h2>\n"
        for chart in charts {
            html += "<figure>\n\(chart.svg)<figcaption>\(XMLEscape.text(chart.caption))</figcaption>\n</figure>\n"
        }
        return html + "</section>\n"
    }

    /// Puts `section` before the second `<h2>` of `body`, or at its end.
    ///
    /// Safe to search the rendered HTML for tags: cmark escapes every `<` of the text, so a tag
    /// in the output can only come from the Markdown's own structure.
    static func inserting(_ section: String, intoSecondSectionOf body: String) -> String {
        let parts = body.split(separator: "<h2>", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 2 else { return body + section }
        return parts[0] + "<h2>" + parts[1] + section + "<h2>" + parts[2...].joined(separator: "<h2>")
    }

    /// Marks what the stylesheet needs and Markdown cannot say: rows whose first cell is bold
    /// (Land, Regierungsbezirke) get `class="summe"`, tables holding such rows
    /// `class="gebiete"` (their Kreise are indented), and every table a scrolling wrapper.
    static func marked(_ html: String) -> String {
        let tables = html.split(separator: "<table>", omittingEmptySubsequences: false).map(String.init)
        var result = tables[0]
        for chunk in tables.dropFirst() {
            var rows = chunk
            for cell in ["<td><strong>", "<td align=\"left\"><strong>"] {
                rows = rows.replacingOccurrences(of: "<tr>\n" + cell, with: "<tr class=\"summe\">\n" + cell)
            }
            let isAreaTable = rows.contains("<tr class=\"summe\">")
            result += "<div class=\"tabelle\">\n" + (isAreaTable ? "<table class=\"gebiete\">" : "<table>")
            result += rows.replacingOccurrences(of: "</table>", with: "</table>\n</div>")
        }
        return result
    }
}

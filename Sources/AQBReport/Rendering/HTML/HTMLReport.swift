/// `bericht.html`: `bericht.md` rendered by cmark-gfm into one self-contained page with an
/// embedded stylesheet (`HTMLPage`), the charts inline and links to the county sheets; written
/// section by section beside the Markdown (`ReportDocuments`, `HTMLPageWriter`).
///
/// The Markdown is rendered in cmark-gfm's safe mode with the tag filter: data stay text. The
/// same values as the Markdown, so the same suppression.
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

    var title: String { "AQB \(report.year): Bericht zum Stichtag \(report.asOf.german)" }

    /// Links to the county sheets (`kreise/<ags>-<slug>.html`), written beside this page by the
    /// same renderer, so every link has its file.
    var kreisblaetter: String {
        let sheets = CountySheetHTML.all(report: report, context: context)
        guard !sheets.isEmpty else { return "" }
        var html = "<section class=\"kreisblaetter\">\n<h2>Kreisblätter</h2>\n"
        html += "<p>Ein Blatt je Kreis für die Umsetzungsbesprechung: Kennzahlen, Auffälligkeiten, Ausgaben nach Haushaltsjahr, "
        html += "Budgetänderungen, Projekte, Zielerreichung, Förderschwerpunkte und Rechtskreise.</p>\n<ul>\n"
        for sheet in sheets {
            let kreis = report.areas[sheet.area]
            html +=
                "<li><a href=\"\(XMLEscape.text(sheet.fileName))\">\(XMLEscape.text(kreis.name)) (\(XMLEscape.text(kreis.key)))</a></li>\n"
        }
        return html + "</ul>\n</section>\n"
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
}

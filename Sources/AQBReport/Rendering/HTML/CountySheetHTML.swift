/// `kreise/<ags>-<slug>.html`: the county sheet (`CountySheet`) as a page an analyst can open
/// and print on a Windows desktop, where the Markdown beside it shows raw pipes and `\*`.
///
/// The Markdown sheet rendered by cmark-gfm in safe mode, with the report's stylesheet and print
/// rules (`HTMLPage`, `HTMLTables`), and a link back to `bericht.html`. The same values, so the
/// same `*`. Written section by section beside the Markdown (`ReportDocuments`).
struct CountySheetHTML {
    let sheet: CountySheet

    var area: Int { sheet.area }

    /// `kreise/06411-darmstadt.html`, beside `kreise/06411-darmstadt.md`.
    var fileName: String { String(sheet.fileName.dropLast(".md".count)) + ".html" }

    /// The sheets of every Kreis of the report, in the order of the areas (`ReportDocuments`).
    static func all(report: YearReport, context: ReportContext) -> [CountySheetHTML] {
        report.areas.indices.filter { report.areas[$0].ebene == .kreis }.map {
            CountySheetHTML(sheet: CountySheet(report: report, context: context, area: $0))
        }
    }

    var title: String {
        let kreis = sheet.report.areas[area]
        return "\(kreis.name) (\(kreis.key)): AQB \(sheet.report.year), Stand \(sheet.report.asOf.german)"
    }

    /// The start of the body: the link back to the report.
    static let back = "<p class=\"zurueck\"><a href=\"../\(HTMLReport.fileName)\">Zum Landesbericht</a></p>\n"
}

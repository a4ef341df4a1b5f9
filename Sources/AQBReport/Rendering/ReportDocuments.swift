/// `bericht.md` and the county sheets `kreise/<ags>-<slug>.md`, and their HTML pages
/// (`bericht.html`, `kreise/<ags>-<slug>.html`), written in one pass: each Markdown section goes
/// into the Markdown file and, rendered, into the page as soon as it is built.
///
/// Why one pass: the HTML is the Markdown rendered by cmark-gfm, and building every sheet's
/// Markdown a second time for the HTML was 16 % of a run's CPU (issue 19). A cache of the texts
/// saved that time but held every text until the last format was written (4.5 MiB more at the
/// benchmark's scale, reverted); here no text outlives its section.
///
/// The HTML files are finished unrecorded when both formats are written, and recorded at the
/// HTML format's turn (`RenderPass`), so the manifest lists the files in the order of the formats,
/// as when each format was written on its own.
struct ReportDocuments {
    let input: RenderInput

    /// Writes the Markdown files (with `markdown`) and the HTML files (with `html`); returns the
    /// entries of the HTML files still to be recorded (both formats), else none.
    func write(into files: inout some FileSink, markdown: Bool, html: Bool) throws(ReportError) -> [Manifest.File] {
        let report = input.report
        let deferHTML = markdown && html
        var pending: [Manifest.File] = []
        let htmlReport = HTMLReport(report: report, context: input.context, charts: html ? ReportCharts.all(report) : [])
        let bericht = MarkdownReport(report: report, context: input.context)
        let berichtPage = Page(
            name: HTMLReport.fileName, title: htmlReport.title, prefix: "", afterFirstSection: htmlReport.chartsSection,
            trailer: htmlReport.kreisblaetter)
        if let file = try document(
            into: &files, markdown: markdown ? "bericht.md" : nil, html: html ? berichtPage : nil, deferHTML: deferHTML,
            sections: bericht.eachSection)
        {
            pending.append(file)
        }
        for area in report.areas.indices where report.areas[area].ebene == .kreis {
            let sheet = CountySheet(report: report, context: input.context, area: area)
            let sheetHTML = CountySheetHTML(sheet: sheet)
            let page = Page(name: sheetHTML.fileName, title: sheetHTML.title, prefix: CountySheetHTML.back)
            if let file = try document(
                into: &files, markdown: markdown ? sheet.fileName : nil, html: html ? page : nil, deferHTML: deferHTML,
                sections: sheet.eachSection)
            {
                pending.append(file)
            }
        }
        return pending
    }

    /// The frame of one HTML file around its rendered sections.
    private struct Page {
        let name: String
        let title: String
        let prefix: String
        var afterFirstSection: String?
        var trailer = ""
    }

    /// One document into its Markdown file and its page; returns the page's entry when it is to
    /// be recorded later.
    private func document(
        into files: inout some FileSink, markdown: String?, html: Page?, deferHTML: Bool, sections: ((String) -> Void) -> Void
    ) throws(ReportError) -> Manifest.File? {
        var markdownWriter: FileWriter?
        if let markdown { markdownWriter = try files.create(markdown) }
        var page: HTMLPageWriter?
        if let html {
            page = HTMLPageWriter(
                writer: try files.create(html.name), title: html.title, prefix: html.prefix, afterFirstSection: html.afterFirstSection)
        }
        var first = true
        sections { section in
            if let markdownWriter {
                // The file is the sections joined by a blank line (`MarkdownReport.text`).
                if !first { markdownWriter.write("\n") }
                markdownWriter.write(section)
            }
            first = false
            page?.append(markdown: section)
        }
        if let markdown, let markdownWriter { try files.finish(markdownWriter, name: markdown, record: true) }
        guard let html, var page else { return nil }
        page.finish(trailer: html.trailer)
        let file = try files.finish(page.writer, name: html.name, record: !deferHTML)
        return deferHTML ? file : nil
    }
}

/// The frame every HTML file of a report shares: `bericht.html` and the county sheets
/// `kreise/<ags>-<slug>.html`. One head, one stylesheet, one Content-Security-Policy, so a sheet
/// an analyst opens on its own looks and prints like the report it belongs to.
///
/// Nothing is loaded from anywhere: no script, no font, no image file; the policy forbids all of
/// it, so even a slip in escaping could not run code or call out. Links to the report's own
/// files (the county sheets) are plain relative `href`s, which the policy does not govern and
/// which load nothing until clicked.
struct HTMLPage {
    /// Shown in the browser's tab and the printed header; escaped here.
    let title: String
    /// The page's content, already HTML.
    let body: String

    var text: String { head + body + HTMLPage.tail }

    /// Everything before the body; a page written piece by piece (`ReportDocuments`) writes this,
    /// then its body as it is rendered, then `tail`.
    var head: String {
        """
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

        """
    }

    static let tail = "</main>\n</body>\n</html>\n"
}

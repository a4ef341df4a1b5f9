/// One HTML page written while its Markdown is produced, section by section: the head, then each
/// Markdown section rendered by cmark-gfm, its tables marked (`HTMLTables`) and its `<h2>`
/// sections wrapped (`HTMLSections`), then the tail.
///
/// Why section by section: rendering the whole Markdown of a county sheet at once held its text,
/// cmark's tree of all its rows and several copies of its HTML (issue 19). Each section of
/// `bericht.md` and of a sheet begins with its `##` heading and ends a block, so cmark renders a
/// section alone exactly as it renders it inside the whole text, and the marking and wrapping,
/// which look no further than one table and one `<h2>` section, give the same bytes.
struct HTMLPageWriter {
    let writer: FileWriter
    /// What goes before the page's second section (the charts of `bericht.html`, after Hessen at
    /// a glance), or at the end of the body when there is no second section
    /// (`HTMLSections.inserting`).
    private var afterFirstSection: String?
    private var sectionsSeen = 0

    /// Writes the page's head and `prefix`, the start of its body.
    init(writer: FileWriter, title: String, prefix: String = "", afterFirstSection: String? = nil) {
        self.writer = writer
        self.afterFirstSection = afterFirstSection?.isEmpty == true ? nil : afterFirstSection
        writer.write(HTMLPage(title: title, body: "").head)
        writer.write(prefix)
    }

    /// Renders one Markdown section (`MarkdownReport.eachSection`, `CountySheet.eachSection`)
    /// into the page.
    mutating func append(markdown section: String) {
        write(HTMLSections.wrapped(HTMLTables.marked(CommonMark.html(section))))
    }

    /// Writes `trailer` at the end of the body, then the page's tail.
    mutating func finish(trailer: String = "") {
        if let pending = afterFirstSection { writer.write(pending) }
        afterFirstSection = nil
        writer.write(trailer)
        writer.write(HTMLPage.tail)
    }

    private mutating func write(_ html: String) {
        guard let pending = afterFirstSection else { return writer.write(html) }
        let pieces = HTMLBytes.split(html, separator: HTMLSections.opening)
        writer.write(pieces[0])
        for piece in pieces.dropFirst() {
            sectionsSeen += 1
            if sectionsSeen == 2, afterFirstSection != nil {
                writer.write(pending)
                afterFirstSection = nil
            }
            writer.write(HTMLSections.opening)
            writer.write(piece)
        }
    }
}

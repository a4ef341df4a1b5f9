/// One HTML page written while its Markdown is produced, section by section: the head, then each
/// Markdown section rendered by cmark-gfm with its tables marked (`HTMLTables`), each `<h2>`
/// section wrapped (`HTMLSections`) once it is complete, then the tail.
///
/// Why section by section: rendering the whole Markdown of a county sheet at once held its text,
/// cmark's tree of all its rows and several copies of its HTML (issue 19). Each Markdown section
/// of `bericht.md` and of a sheet ends a block, and each but the first and the sheet's footer
/// begins with its `##` heading, so cmark renders a section alone exactly as inside the whole
/// text, and a table is marked the same. An `<h2>` section is held until the next begins (a
/// footer without a heading belongs to the section before), because whether it prints on
/// landscape pages shows only at its end; that is one section, never the page.
struct HTMLPageWriter {
    let writer: FileWriter
    /// What goes before the page's second `<h2>` section (the charts of `bericht.html`, after
    /// Hessen at a glance), or at the end of the body when there is no second section.
    private var afterFirstSection: String?
    /// The `<h2>` section being rendered, from after its `<h2>`.
    private var openSection: String?
    private var sectionsWritten = 0

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
        let pieces = HTMLBytes.split(HTMLTables.marked(CommonMark.html(section)), separator: HTMLSections.heading)
        if let open = openSection {
            openSection = open + pieces[0]
        } else {
            writer.write(pieces[0])
        }
        for piece in pieces.dropFirst() {
            closeSection()
            openSection = piece
        }
    }

    /// Writes the last section, `trailer` at the end of the body, then the page's tail.
    mutating func finish(trailer: String = "") {
        closeSection()
        if let pending = afterFirstSection { writer.write(pending) }
        afterFirstSection = nil
        writer.write(trailer)
        writer.write(HTMLPage.tail)
    }

    private mutating func closeSection() {
        guard let part = openSection else { return }
        openSection = nil
        sectionsWritten += 1
        if sectionsWritten == 2, let pending = afterFirstSection {
            writer.write(pending)
            afterFirstSection = nil
        }
        writer.write(HTMLSections.wrapped(part))
    }
}

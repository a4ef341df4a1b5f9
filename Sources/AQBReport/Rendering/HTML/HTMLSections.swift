/// Wraps each `<h2>` section of a rendered page in a `<section>`, so that a section holding a
/// table too wide for a portrait page prints, heading and text included, on landscape pages of
/// its own (`class="abschnitt quer"`, a named page in `HTMLStyle`) instead of leaving its heading
/// behind on the portrait page before.
///
/// Safe to search the rendered HTML for tags: cmark escapes every `<` of the text, so a tag in
/// the output can only come from the Markdown's own structure. The page is cut at each `<h2>`
/// while it is written (`HTMLPageWriter`); a section ends where the next begins, or with the page.
enum HTMLSections {
    static let opening = "<section class=\"abschnitt"
    static let heading = "<h2>"

    /// One section: `part` is its HTML from after its `<h2>` up to the next `<h2>` (or the end of
    /// the body), its heading's text first.
    static func wrapped(_ part: String) -> String {
        let isWide = HTMLBytes.contains(part, "<div class=\"tabelle \(HTMLTables.PrintWidth.quer.rawValue)")
        return opening + (isWide ? " quer" : "") + "\">\n" + heading + part + "</section>\n"
    }
}

import Foundation

/// Wraps each `<h2>` section of a rendered page in a `<section>`, so that a section holding a
/// table too wide for a portrait page prints, heading and text included, on landscape pages of
/// its own (`class="abschnitt quer"`, a named page in `HTMLStyle`) instead of leaving its heading
/// behind on the portrait page before.
///
/// Safe to search the rendered HTML for tags: cmark escapes every `<` of the text, so a tag in
/// the output can only come from the Markdown's own structure.
enum HTMLSections {
    static let opening = "<section class=\"abschnitt"

    static func wrapped(_ html: String) -> String {
        let parts = HTMLBytes.split(html, separator: "<h2>")
        var result = parts[0]
        for part in parts.dropFirst() {
            let isWide = HTMLBytes.contains(part, "<div class=\"tabelle \(HTMLTables.PrintWidth.quer.rawValue)")
            result += opening + (isWide ? " quer" : "") + "\">\n<h2>" + part + "</section>\n"
        }
        return result
    }

    /// Puts `section` before the second section of `body` (after the first, Hessen at a glance,
    /// where a reader looks first), or at its end.
    static func inserting(_ section: String, afterFirstOf body: String) -> String {
        let parts = body.components(separatedBy: opening)
        guard parts.count > 2 else { return body + section }
        return parts[0] + opening + parts[1] + section + opening + parts[2...].joined(separator: opening)
    }
}

/// A small SVG writer: integer coordinates, escaped text, fixed attribute order.
///
/// Charts must come out byte-identical for the same data, so nothing here formats a floating
/// point number or depends on a dictionary's order; every coordinate is a whole pixel. Text is
/// escaped (names come from the database), and each chart carries `<title>` and `<desc>` for
/// screen readers, referenced by `aria-labelledby`.
struct SVGDocument {
    let id: String
    let width: Int
    private(set) var height: Int
    private var body = ""

    static let fontFamily = "DejaVu Sans, Segoe UI, Helvetica Neue, Arial, sans-serif"
    static let fontSize = 12
    /// A generous average glyph width for the font size, in pixels: labels are laid out by
    /// estimate (SVG cannot measure text), so the estimate errs on the wide side to never overlap
    /// (DejaVu Sans, the widest of the fonts listed, averages about 0.6 em, its bold 0.7 em).
    static func textWidth(_ text: String, size: Int = fontSize, bold: Bool = false) -> Int {
        (text.count * size * (bold ? 72 : 62) + 99) / 100
    }

    init(id: String, width: Int, height: Int) {
        self.id = id
        self.width = width
        self.height = height
    }

    mutating func setHeight(_ value: Int) { height = value }

    mutating func rect(x: Int, y: Int, width: Int, height: Int, fill: String, label: String? = nil, stroke: String? = nil) {
        body += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(0, width))\" height=\"\(max(0, height))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\"" }
        if let label { body += "><title>\(XMLEscape.text(label))</title></rect>\n" } else { body += "/>\n" }
    }

    mutating func line(x1: Int, y1: Int, x2: Int, y2: Int, stroke: String, width: Int = 1, dashed: Bool = false) {
        body += "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(stroke)\" stroke-width=\"\(width)\""
        body += dashed ? " stroke-dasharray=\"6 4\"/>\n" : "/>\n"
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(
        _ value: String, x: Int, y: Int, anchor: Anchor = .start, bold: Bool = false, fill: String = "#1a1a1a", size: Int? = nil
    ) {
        body += "<text x=\"\(x)\" y=\"\(y)\""
        if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { body += " font-weight=\"bold\"" }
        if let size { body += " font-size=\"\(size)\"" }
        if fill != "#1a1a1a" { body += " fill=\"\(fill)\"" }
        body += ">\(XMLEscape.text(value))</text>\n"
    }

    /// A diagonal hatch for values that are withheld, defined once per chart.
    mutating func defineHatch() {
        body += """
            <defs><pattern id="\(id)-gesperrt" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern></defs>

            """
    }

    var hatch: String { "url(#\(id)-gesperrt)" }

    /// The finished element; `title` names the chart, `description` says in words what it shows.
    func svg(title: String, description: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        role="img" aria-labelledby="\(id)-title \(id)-desc" font-family="\(SVGDocument.fontFamily)" font-size="\(SVGDocument.fontSize)">
        <title id="\(id)-title">\(XMLEscape.text(title))</title>
        <desc id="\(id)-desc">\(XMLEscape.text(description))</desc>
        <rect width="\(width)" height="\(height)" fill="#ffffff"/>
        \(body)</svg>

        """
    }
}

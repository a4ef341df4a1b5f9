/// How a sheet prints on A4 landscape: fit to the page's width when that keeps the type readable,
/// else a fixed readable scale with the key columns (the frozen ones: Ebene, AGS, Name) repeated
/// on every page across.
///
/// "Fit to width" alone printed the 24 columns of the Kreise sheet at about 4 pt. Excel and
/// LibreOffice do the paging themselves; this only picks the scale from the columns' widths.
struct WorkbookPrint: Equatable {
    /// The smallest scale worth printing at, in percent: Calibri 11 becomes about 6 pt.
    static let minimumScale = 55

    /// The printable width of A4 landscape with libxlsxwriter's default margins (0,7 inch left
    /// and right), in points.
    static let printableWidth = (11.69 - 1.4) * 72

    /// The scale that fits every column on one page's width, in percent (at most 100).
    let fittingScale: Int
    /// The columns printed on every page, when the sheet is split across pages.
    let repeatedColumns: Int

    /// - Parameters:
    ///   - widths: the columns' widths in characters of the default font.
    ///   - keyColumns: how many leading columns identify a row (repeated when split).
    init(widths: [Double], keyColumns: Int) {
        let points = widths.reduce(0) { $0 + WorkbookPrint.points(ofWidth: $1) }
        fittingScale = points <= 0 ? 100 : min(100, Int(WorkbookPrint.printableWidth / points * 100))
        repeatedColumns = fittingScale >= WorkbookPrint.minimumScale ? 0 : keyColumns
    }

    /// Fits one page wide, or splits at the minimum scale.
    var fitsToWidth: Bool { fittingScale >= WorkbookPrint.minimumScale }

    /// Excel's width in characters as printed points: 7 pixels a character of Calibri 11 plus 5
    /// of padding, at 96 pixels an inch.
    static func points(ofWidth width: Double) -> Double { (width * 7 + 5) * 0.75 }
}

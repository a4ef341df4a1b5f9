/// Writes one table of the report into a sheet: header row, typed rows, then the view and print
/// settings an analyst expects (frozen header and key columns, autofilter, widths, A4 landscape).
struct WorkbookSheetWriter {
    let workbook: XLSXWorkbook
    let sheet: XLSXWorkbook.Sheet
    /// The row the table's header is written to (rows above hold a title).
    let headerRow: Int
    private(set) var nextRow: Int

    /// Excel's number formats in the file's own (en-US) syntax; Excel shows them in the reader's
    /// locale, so a German Excel shows `1.234,56 €`, `16,7 %` and `1.234`.
    static let euroFormat = "#,##0.00 \"€\""
    static let percentFormat = "0.0%"
    static let countFormat = "#,##0"
    static let pointsFormat = "0.0"

    init(workbook: XLSXWorkbook, sheet: XLSXWorkbook.Sheet, headerRow: Int = 0) {
        self.workbook = workbook
        self.sheet = sheet
        self.headerRow = headerRow
        nextRow = headerRow
    }

    /// The header row; titles of `numericColumns` are right-aligned, over the numbers they name.
    mutating func header(_ titles: [String], numericColumns: Range<Int>) {
        for (column, title) in titles.enumerated() {
            workbook.write(sheet, row: nextRow, column: column, .text(title), style(.header, rightAligned: numericColumns.contains(column)))
        }
        nextRow += 1
    }

    mutating func row(_ cells: [WorkbookCell], kind: WorkbookRowKind, nameColumn: Int? = nil) {
        for (column, cell) in cells.enumerated() {
            var style = style(kind, rightAligned: false)
            let value: XLSXWorkbook.Cell
            switch cell {
            case .text(let text):
                value = .text(text)
                if column == nameColumn, kind == .kreis { style.indent = 1 }
            case .key(let key):
                value = .text(key)
            case .euro(let cents):
                style.numberFormat = Self.euroFormat
                value = cents.map { .decimal($0.value, scale: 2) } ?? .blank
            case .percent(let tenths):
                style.numberFormat = Self.percentFormat
                value = tenths.map { .decimal(Int64($0), scale: 3) } ?? .blank
            case .percentagePoints(let tenths):
                style.numberFormat = Self.pointsFormat
                value = .decimal(Int64(tenths), scale: 1)
            case .count(let count):
                style.numberFormat = Self.countFormat
                if let count {
                    value = .decimal(Int64(count), scale: 0)
                } else {
                    value = .text(Suppression.symbol)
                    style.rightAligned = true
                }
            case .plainCount(let count):
                style.numberFormat = Self.countFormat
                value = .decimal(Int64(count), scale: 0)
            case .suppressed:
                value = .text(Suppression.symbol)
                style.rightAligned = true
            case .empty:
                value = .blank
            }
            workbook.write(sheet, row: nextRow, column: column, value, style)
        }
        nextRow += 1
    }

    /// Widths per column, then the header and the first `frozenColumns` columns frozen, an
    /// autofilter over the table and A4 landscape print with the header on every page (and the
    /// frozen columns on every page across, where the sheet is too wide for one, `WorkbookPrint`).
    func finish(widths: [Double], frozenColumns: Int) {
        for (column, width) in widths.enumerated() { workbook.setColumns(sheet, column...column, width: width) }
        workbook.freeze(sheet, rows: headerRow + 1, columns: frozenColumns)
        if nextRow > headerRow + 1 {
            workbook.autofilter(sheet, headerRow: headerRow, lastRow: nextRow - 1, lastColumn: widths.count - 1)
        }
        workbook.preparePrint(sheet, headerRow: headerRow, print: WorkbookPrint(widths: widths, keyColumns: max(frozenColumns, 1)))
    }

    /// Land and Regierungsbezirk rows are bold on a tint, so the sums stand apart from the Kreise.
    private func style(_ kind: WorkbookRowKind, rightAligned: Bool) -> XLSXWorkbook.Style {
        var style = XLSXWorkbook.Style()
        style.rightAligned = rightAligned
        switch kind {
        case .header:
            style.bold = true
            style.fill = 0xD9D9D9
            style.bottomBorder = true
        case .land:
            style.bold = true
            style.fill = 0xBDD7EE
        case .regierungsbezirk:
            style.bold = true
            style.fill = 0xDDEBF7
        case .kreis, .plain:
            break
        }
        return style
    }
}

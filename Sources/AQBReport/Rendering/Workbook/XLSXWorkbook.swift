import CXLSXWriter
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An Excel workbook written by libxlsxwriter: the only way into the C module.
///
/// libxlsxwriter writes the zip and its XML, so nothing here builds either by hand. Its 1.1.4
/// release writes only to a path, so the workbook goes to a private folder (`mkdtemp`, mode 0700)
/// and is copied from there into the report's folder (`copy(to:)`); the folder is removed again
/// whatever happens.
///
/// Reproducible bytes: libxlsxwriter stamps the zip entries with a fixed 1980 date and takes the
/// document's creation time from the properties, which the caller fixes (the Stichtag).
///
/// Cells are typed: text is always a string cell (shared string), never a formula, whatever the
/// text starts with; this type offers no formula writer at all.
final class XLSXWorkbook {
    /// A worksheet of this workbook.
    struct Sheet {
        fileprivate let handle: UnsafeMutablePointer<lxw_worksheet>
    }

    /// A cell's value.
    enum Cell {
        case text(String)
        /// `units ÷ 10^scale`, exactly as a decimal: cents with scale 2, tenths of a per cent as
        /// a fraction with scale 3, a count with scale 0. The renderers hand over integers; only
        /// the write to the C library makes the double Excel stores (`write`).
        case decimal(Int64, scale: Int)
        case blank
    }

    /// How a cell looks; each distinct style becomes one format of the workbook.
    struct Style: Hashable {
        var bold = false
        var fontSize: Double?
        /// Excel's number format in its file syntax (`#,##0.00 "€"`); Excel shows it in the
        /// reader's locale, `1.234,56 €` in a German one.
        var numberFormat: String?
        var rightAligned = false
        var indent = 0
        /// Background colour as 0xRRGGBB.
        var fill: UInt32?
        var bottomBorder = false
        var wrap = false
        var italic = false
        /// Font colour as 0xRRGGBB.
        var fontColour: UInt32?
    }

    /// Title, subject and the like, shown in Excel's document properties.
    struct Properties {
        var title: String
        var subject: String
        var keywords: String
        var comments: String
        var status: String
        /// Seconds since 1970; also the `modified` time. Fixed by the caller, never the clock.
        var created: Int
        /// Shown under *Benutzerdefiniert*.
        var custom: [(name: String, value: String)]
    }

    /// The temporary folder libxlsxwriter writes into.
    let folder: String
    private let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [Style: UnsafeMutablePointer<lxw_format>] = [:]
    /// The first failure of any call; reported by `copy(to:)`, so writers need not check each cell.
    private var failure: String?

    /// Where the folder is registered for removal by a stop (`StopSignals`).
    private let temporaryFolders: TemporaryFolders

    init(properties: Properties, temporaryFolders: TemporaryFolders = .shared) throws(ReportError) {
        self.temporaryFolders = temporaryFolders
        let environment = getenv("TMPDIR").map { String(cString: $0) } ?? ""
        let base = environment.isEmpty ? "/tmp" : environment
        var template = Array((base + "/aqb-xlsx-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let address = buffer.baseAddress, let made = mkdtemp(address) else { return nil }
            return String(cString: made)
        }
        guard let created else {
            throw ReportError(
                .cantCreate, "cannot create a temporary folder under \(base) for bericht.xlsx: \(String(cString: strerror(errno)))")
        }
        folder = created
        temporaryFolders.add(created)
        path = folder + "/bericht.xlsx"
        var options = lxw_workbook_options()
        // Each row is written to the sheet's file as soon as the next begins, instead of every
        // cell of the workbook held until it is closed (with 100,000 findings 176 MiB, at scale 1
        // about 9 MiB: BENCHMARKS.md, issue 19). Rows must come in order, which every sheet's
        // writer does (`WorkbookSheetWriter.nextRow`); text goes inline instead of into a shared
        // table, the same text cell to Excel and LibreOffice.
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        workbook = folder.withCString { tmpdir in
            options.tmpdir = UnsafeMutablePointer(mutating: tmpdir)
            return workbook_new_opt(path, &options)
        }
        guard let workbook else {
            rmdir(folder)
            temporaryFolders.remove(folder)
            throw ReportError(.cantCreate, "libxlsxwriter cannot create \(path)")
        }
        setProperties(properties, on: workbook)
    }

    deinit {
        if let workbook { workbook_close(workbook) }
        unlink(path)
        rmdir(folder)
        temporaryFolders.remove(folder)
    }

    private func setProperties(_ properties: Properties, on workbook: UnsafeMutablePointer<lxw_workbook>) {
        // libxlsxwriter copies every string, so they need to live only for the call.
        let strings = [properties.title, properties.subject, properties.keywords, properties.comments, properties.status, "aqb-report"]
            .map { text in text.withCString { strdup($0) } }
        defer { strings.forEach { free($0) } }
        var values = lxw_doc_properties()
        values.title = strings[0]
        values.subject = strings[1]
        values.keywords = strings[2]
        values.comments = strings[3]
        values.status = strings[4]
        values.author = strings[5]
        values.created = time_t(properties.created)
        check(workbook_set_properties(workbook, &values), "document properties")
        for (name, value) in properties.custom {
            check(workbook_set_custom_property_string(workbook, name, value), "property \(name)")
        }
    }

    func addSheet(_ name: String) -> Sheet? {
        guard let workbook, let handle = workbook_add_worksheet(workbook, name) else {
            failure = failure ?? "cannot add the sheet \(name)"
            return nil
        }
        return Sheet(handle: handle)
    }

    func write(_ sheet: Sheet, row: Int, column: Int, _ cell: Cell, _ style: Style = Style()) {
        let format = self.format(style)
        switch cell {
        case .text(let text):
            check(
                worksheet_write_string(
                    sheet.handle, lxw_row_t(row), lxw_col_t(column), XLSXWorkbook.fitting(OOXMLText.escaped(text)), format),
                "cell")
        case .decimal(let units, let scale):
            check(
                worksheet_write_number(sheet.handle, lxw_row_t(row), lxw_col_t(column), XLSXWorkbook.double(units, scale: scale), format),
                "cell")
        case .blank: check(worksheet_write_blank(sheet.handle, lxw_row_t(row), lxw_col_t(column), format), "cell")
        }
    }

    /// The double nearest `units ÷ 10^scale`: the one number type an xlsx cell has. Exact
    /// integers up to 2^53 (90 billion euros in cents) and one correctly rounded division give
    /// the nearest double, which Excel shows with the cell's decimals exactly as the CSV does.
    static func double(_ units: Int64, scale: Int) -> Double {
        var divisor = 1.0
        for _ in 0..<max(scale, 0) { divisor *= 10 }
        return Double(units) / divisor
    }

    /// Excel's limit for the text of one cell, in characters.
    static let maximumTextLength = 32_767

    /// Text cut to Excel's limit with a visible `…`: a name that long can only be a broken or
    /// hostile row, and it must not stop the whole report (the CSV files keep it whole).
    static func fitting(_ text: String) -> String {
        guard text.unicodeScalars.count > maximumTextLength else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumTextLength - 1))) + "…"
    }

    /// Column widths in characters of the default font.
    func setColumns(_ sheet: Sheet, _ columns: ClosedRange<Int>, width: Double) {
        check(worksheet_set_column(sheet.handle, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound), width, nil), "column")
    }

    /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
    func freeze(_ sheet: Sheet, rows: Int, columns: Int) {
        worksheet_freeze_panes(sheet.handle, lxw_row_t(rows), lxw_col_t(columns))
    }

    func autofilter(_ sheet: Sheet, headerRow: Int, lastRow: Int, lastColumn: Int) {
        check(worksheet_autofilter(sheet.handle, lxw_row_t(headerRow), 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "autofilter")
    }

    /// A4 landscape with `headerRow` repeated on every printed page: as wide as one page where
    /// that stays readable (`WorkbookPrint`), else at the minimum scale with the key columns
    /// repeated on every page across.
    func preparePrint(_ sheet: Sheet, headerRow: Int?, print: WorkbookPrint = WorkbookPrint(widths: [], keyColumns: 0)) {
        worksheet_set_paper(sheet.handle, 9)
        worksheet_set_landscape(sheet.handle)
        if print.fitsToWidth {
            worksheet_fit_to_pages(sheet.handle, 1, 0)
        } else {
            worksheet_set_print_scale(sheet.handle, UInt16(WorkbookPrint.minimumScale))
            if print.repeatedColumns > 0 {
                check(worksheet_repeat_columns(sheet.handle, 0, lxw_col_t(print.repeatedColumns - 1)), "print title columns")
            }
        }
        if let headerRow { check(worksheet_repeat_rows(sheet.handle, lxw_row_t(headerRow), lxw_row_t(headerRow)), "print titles") }
    }

    /// Closes the workbook and copies the file libxlsxwriter wrote into `writer`, a buffer at a
    /// time: the workbook is the largest file of a year at the benchmark's scale and is never in
    /// memory as a whole.
    func copy(to writer: FileWriter) throws(ReportError) {
        guard let workbook else { throw ReportError(.software, "bericht.xlsx was already closed") }
        self.workbook = nil
        let closed = workbook_close(workbook)
        if let failure { throw ReportError(.software, "cannot write bericht.xlsx: \(failure)") }
        guard closed == LXW_NO_ERROR else {
            throw ReportError(.cantCreate, "cannot write bericht.xlsx: \(String(cString: lxw_strerror(closed)))")
        }
        // Our own file in our own 0700 folder.
        let file = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard file >= 0 else {
            throw ReportError(.cantCreate, "cannot read back \(path) after libxlsxwriter wrote it: \(String(cString: strerror(errno)))")
        }
        defer { close(file) }
        var buffer = [UInt8](repeating: 0, count: FileWriter.bufferSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportError(.cantCreate, "cannot read back \(path) after libxlsxwriter wrote it: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { writer.write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }

    private func check(_ error: lxw_error, _ what: String) {
        if error != LXW_NO_ERROR, failure == nil { failure = "\(what): \(String(cString: lxw_strerror(error)))" }
    }

    private func format(_ style: Style) -> UnsafeMutablePointer<lxw_format>? {
        if style == Style() { return nil }
        if let format = formats[style] { return format }
        guard let workbook, let format = workbook_add_format(workbook) else { return nil }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let colour = style.fontColour { format_set_font_color(format, lxw_color_t(colour)) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        if style.rightAligned { format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue)) }
        if style.indent > 0 { format_set_indent(format, UInt8(style.indent)) }
        if let fill = style.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(fill))
        }
        if style.bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if style.wrap {
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        formats[style] = format
        return format
    }
}

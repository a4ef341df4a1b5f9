import Testing

@testable import AQBReport

/// The workbook's guard for Excel's cell text limit.
@Suite struct WorkbookTextTests {
    @Test func textBeyondExcelsLimitIsCutVisibly() {
        let long = String(repeating: "ä", count: XLSXWorkbook.maximumTextLength + 5)
        let cut = XLSXWorkbook.fitting(long)
        #expect(cut.unicodeScalars.count == XLSXWorkbook.maximumTextLength)
        #expect(cut.hasSuffix("…"))
        #expect(XLSXWorkbook.fitting("=1+1") == "=1+1")
    }
}

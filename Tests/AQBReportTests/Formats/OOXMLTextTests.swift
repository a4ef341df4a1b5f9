import Testing

@testable import AQBReport

/// Literal `_xHHHH_` sequences in text survive the workbook (see `SpreadsheetInjectionTests` for
/// Calc reading them back).
@Suite struct OOXMLTextTests {
    @Test func escapesTheUnderscoreThatBeginsAnOOXMLEscape() {
        #expect(OOXMLText.escaped("_x003D_1+1") == "_x005F_x003D_1+1")
        #expect(OOXMLText.escaped("a_x000d_b_x005F_") == "a_x005F_x000d_b_x005F_x005F_")
    }

    @Test func leavesOtherUnderscoresAlone() {
        #expect(OOXMLText.escaped("Jugendhilfe_Verbund") == "Jugendhilfe_Verbund")
        #expect(OOXMLText.escaped("_x003G_ _x12_ _x0041") == "_x003G_ _x12_ _x0041")
        #expect(OOXMLText.escaped("_") == "_")
        #expect(OOXMLText.escaped("") == "")
    }
}

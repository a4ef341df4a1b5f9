import SwiftCSV
import Testing

@testable import AQBReport

@Suite struct CSVTableTests {
    @Test func germanDialectHasBOMSemicolonsAndCRLF() {
        var table = CSVTable(format: .de, header: ["a", "b"])
        table.append(["1,5", "x"])
        #expect(table.bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(table.text == "\u{FEFF}a;b\r\n1,5;x\r\n")
    }

    @Test func rfcDialectHasNoBOMAndQuotesCommas() {
        var table = CSVTable(format: .rfc4180, header: ["a", "b"])
        table.append(["1,5", "x"])
        #expect(table.text == "a,b\r\n\"1,5\",x\r\n")
    }

    @Test(arguments: CSVFormat.allCases)
    func awkwardFieldsSurviveAParser(format: CSVFormat) throws {
        let awkward = ["Träger \"Nord\"; e.V.", "a,b", "line\nbreak", "cr\rlf", "|pipe|", "*star*", " spaced ", "=1+1"]
        var table = CSVTable(format: format, header: ["id", "text"])
        for (index, text) in awkward.enumerated() { table.append([String(index), text]) }
        let body = String(table.text.drop(while: { $0 == "\u{FEFF}" }))
        let parsed = try CSV<Enumerated>(string: body, delimiter: format == .de ? .semicolon : .comma, loadColumns: false)
        #expect(parsed.header == ["id", "text"])
        #expect(parsed.rows.map { $0[1] } == awkward)
    }
}

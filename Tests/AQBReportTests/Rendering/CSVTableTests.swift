import Foundation
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

    /// Found by `scripts/fuzz csv`: a combining mark after a quote or a delimiter makes one
    /// character of both; the field must still be quoted, and its quote doubled. (Compared as
    /// Unicode scalars: SwiftCSV parses characters and cannot read such a file either.)
    @Test(arguments: CSVFormat.allCases)
    func aQuoteOrDelimiterFollowedByACombiningMarkIsQuoted(format: CSVFormat) {
        let table = CSVTable(format: format, header: [])
        let d = format.delimiter
        for (field, written) in [
            ("a\"\u{301}b", "\"a\"\"\u{301}b\""), ("x\(d)\u{301}y", "\"x\(d)\u{301}y\""), ("\u{65D}\"end", "\"\u{65D}\"\"end\""),
            (" \u{301}lead", "\" \u{301}lead\""),
        ] {
            #expect(Array(table.quoted(field).unicodeScalars) == Array(written.unicodeScalars), "\(field.unicodeScalars.map(\.value))")
        }
    }

    /// Written row by row into a file (`FileWriter`), a table is the bytes it has in memory, and
    /// an independent parser reads every row back, across the writer's buffers.
    @Test(arguments: CSVFormat.allCases)
    func aTableWrittenIntoAFileIsTheTableInMemoryAndParsesBack(format: CSVFormat) throws {
        let folder = try TemporaryFolder()
        let directory = try Directory.open(folder.path, followLink: false, ownedByUs: true)
        let writer = try directory.createWriter("tabelle.csv")
        var streamed = CSVTable(format: format, header: ["id", "text"], into: writer)
        var inMemory = CSVTable(format: format, header: ["id", "text"])
        let awkward = ["Träger \"Nord\"; e.V.", "a,b", "line\nbreak", " spaced ", "=1+1", "plain"]
        let rows = (0..<6_000).map { [String($0), awkward[$0 % awkward.count] + " \($0)"] }
        for row in rows {
            streamed.append(row)
            inMemory.append(row)
        }
        let written = try writer.finish()
        let bytes = try folder.bytes("tabelle.csv")
        #expect(bytes == inMemory.bytes)
        #expect(bytes.count > FileWriter.bufferSize && written.sha256 == SHA256.hex(bytes))
        let body = String(String(decoding: bytes, as: UTF8.self).drop(while: { $0 == "\u{FEFF}" }))
        let parsed = try CSV<Enumerated>(string: body, delimiter: format == .de ? .semicolon : .comma, loadColumns: false)
        #expect(parsed.header == ["id", "text"])
        #expect(parsed.rows == rows)
    }
}

import Testing

@testable import AQBReport

/// `werte.csv` writes its fields itself (for speed); its quoting must be `CSVTable`'s exactly.
@Suite struct LongCSVQuotingTests {
    @Test(arguments: [
        "", "plain", "06411", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail ", "\ttab", "ä,ö \"ü\"", "=1+1",
        "nicht zugeordnet",
    ])
    func quotesLikeCSVTable(field: String) {
        var bytes: [UInt8] = []
        LongCSV.appendField(field, to: &bytes)
        let table = CSVTable(format: .rfc4180, header: [field])
        #expect(bytes + [0x0D, 0x0A] == table.bytes)
    }
}

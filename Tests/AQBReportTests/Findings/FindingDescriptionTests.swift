import Testing

@testable import AQBReport

/// A finding's description is one line: every control character (general category Cc) of a
/// title or a Träger becomes a blank, every other character stays, whatever the renderers escape
/// later (`FindingDescription.clean`, compared by value since issue 19).
@Suite struct FindingDescriptionTests {
    @Test func controlCharactersBecomeBlanksAndNothingElseChanges() throws {
        let words = FindingDescription(year: 2025, asOf: try #require(CalendarDate(iso: "2025-09-30")), proRataMargin: 50)
        let controls = (0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) } + (0x7F...0x9F).map { Character(Unicode.Scalar(UInt8($0))) }
        for control in controls {
            #expect(Unicode.Scalar(String(control))?.properties.generalCategory == .control)
            let text = words.text(
                FindingRow(regel: .teilnahmeEndeVorBeginn, ags: "06411", projektId: 1, titel: "A\(control)B", traeger: "T\(control)"))
            #expect(text.hasPrefix("Projekt „A B“ (Träger: T )"), "\(text.unicodeScalars.map { $0.value })")
        }
        let kept = "Ä\u{A0}ö\u{AD}ß\u{200B}e\u{301}|„=1+1“ \u{2028}😀"
        let text = words.text(FindingRow(regel: .teilnahmeEndeVorBeginn, ags: "06411", projektId: 1, titel: kept, traeger: nil))
        #expect(text.hasPrefix("Projekt „\(kept)“:"))
    }
}

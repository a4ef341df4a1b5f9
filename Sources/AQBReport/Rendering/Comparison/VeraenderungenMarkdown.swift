/// The section "Veränderungen seit dem Bericht vom …" of `bericht.md`.
struct VeraenderungenMarkdown {
    let veraenderungen: BerichtsVeraenderungen

    var text: String {
        let datum = veraenderungen.frueherStichtag.german
        var text = "## Veränderungen seit dem Bericht vom \(datum)\n\n"
        text +=
            "Was sich gegenüber dem veröffentlichten Bericht zum \(datum) bewegt hat, je Gebiet, nur aus veröffentlichten Werten "
            + "beider Berichte. Eine Veränderung der Teilnehmenden erscheint nur, wo beide Zahlen veröffentlicht sind, sonst `*`. "
            + "Aufgeführt sind nur Gebiete mit einer Veränderung.\n\n"
        guard !veraenderungen.zeilen.isEmpty else { return text + "Keine Veränderungen.\n" }
        var table = MarkdownTable(
            header: ["Gebiet", "AGS", "Bewilligt", "Veränderung", "Ausgegeben", "Veränderung", "Teilnehmende", "Veränderung"],
            alignments: [.left, .left] + Array(repeating: .right, count: 6))
        for zeile in veraenderungen.zeilen {
            let row = [
                zeile.area.name + (zeile.nurInEinem ? (zeile.bewilligt == nil ? " (entfallen)" : " (neu)") : ""), zeile.area.key,
                euro(zeile.bewilligt), ChangeFormat.euro(zeile.bewilligtVeraenderung, percentOf: nil),
                euro(zeile.ausgegeben), ChangeFormat.euro(zeile.ausgegebenVeraenderung, percentOf: nil),
                zeile.bewilligt == nil ? MarkdownReport.dash : (zeile.teilnehmende.map(NumberFormat.count) ?? Suppression.symbol),
                ChangeFormat.count(zeile.teilnehmendeVeraenderung),
            ]
            zeile.area.ebene == .kreis ? table.append(row) : table.appendEmphasized(row)
        }
        return text + table.text
    }

    private func euro(_ value: Cents?) -> String { value.map(NumberFormat.euro) ?? MarkdownReport.dash }
}

extension MarkdownReport {
    /// The section "Veränderungen seit dem Bericht vom …"; empty without an earlier report.
    var veraenderungenSeitBericht: String { report.veraenderungen.map { VeraenderungenMarkdown(veraenderungen: $0).text } ?? "" }
}

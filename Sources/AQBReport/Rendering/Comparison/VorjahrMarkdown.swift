/// The section "Vorjahresvergleich" of `bericht.md`: every area beside the previous cohort at the
/// same day one year earlier, money in one table, Mittelabfluss and participations in another.
struct VorjahrMarkdown {
    let vergleich: VorjahrVergleich

    var text: String {
        let (j, v) = (vergleich.jahr, vergleich.vorjahr)
        var text = "## Vorjahresvergleich\n\n"
        text +=
            "Das AQB-Jahr \(j) zum \(vergleich.stichtag.german) neben der Kohorte \(v) am selben Tag ein Jahr früher, zum "
            + "\(vergleich.vorjahrStichtag.german) (ein 29. Februar wird zum 28. Februar). Veränderung = \(j) − \(v); bei Beträgen in "
            + "Klammern bezogen auf das Vorjahr, beim Mittelabfluss in Prozentpunkten.\n\n"
        if let quelle = quelleText { text += quelle + "\n\n" }
        if !vergleich.vorjahrHatDaten {
            return text + "Für das AQB-Jahr \(v) liegen zum \(vergleich.vorjahrStichtag.german) keine Daten vor "
                + "(keine Zielvereinbarung, kein Projekt).\n"
        }
        var geld = MarkdownTable(
            header: [
                "Gebiet", "AGS", "Budget \(j)", "Budget \(v)", "Veränderung", "Bewilligt \(j)", "Bewilligt \(v)", "Veränderung",
                "Ausgegeben \(j)", "Ausgegeben \(v)", "Veränderung",
            ], alignments: [.left, .left] + Array(repeating: .right, count: 9))
        var abfluss = MarkdownTable(
            header: [
                "Gebiet", "AGS", "Abfluss \(j)", "Abfluss \(v)", "Veränderung (Prozentpunkte)", "Teilnehmende \(j)",
                "Teilnehmende \(v)", "Veränderung",
            ], alignments: [.left, .left] + Array(repeating: .right, count: 6))
        for zeile in vergleich.zeilen {
            let (a, b) = (zeile.aktuell, zeile.vorjahr)
            let name = [zeile.area.name, zeile.area.key]
            let geldRow =
                name + [
                    euro(a?.budget), euro(b?.budget), ChangeFormat.euro(zeile.budget, percentOf: zeile.vergleichsVorjahr?.budget),
                    euro(a?.bewilligt), euro(b?.bewilligt),
                    ChangeFormat.euro(zeile.bewilligt, percentOf: zeile.vergleichsVorjahr?.bewilligt),
                    euro(a?.ausgegeben), euro(b?.ausgegeben),
                    ChangeFormat.euro(zeile.ausgegeben, percentOf: zeile.vergleichsVorjahr?.ausgegeben),
                ]
            let abflussRow =
                name + [
                    percent(a?.abflussPromille), percent(b?.abflussPromille), ChangeFormat.points(zeile.abflussPunkte),
                    count(a.map(\.teilnehmende)), count(b.map(\.teilnehmende)), ChangeFormat.count(zeile.teilnehmende),
                ]
            if zeile.area.ebene == .kreis {
                geld.append(geldRow)
                abfluss.append(abflussRow)
            } else {
                geld.appendEmphasized(geldRow)
                abfluss.appendEmphasized(abflussRow)
            }
        }
        text += "### Budget, Bewilligt, Ausgegeben\n\n" + geld.text + "\n"
        text += "### Mittelabfluss und Teilnehmende\n\n" + abfluss.text
        let basis = vergleich.zeilen.filter { $0.basis != nil }
        if !basis.isEmpty {
            text += "\nWo sich die Kreise eines Gebiets zwischen den Jahren unterscheiden, vergleicht die Veränderung nur die Kreise "
            text += "beider Jahre (beide Jahre ohne die genannten Kreise):\n\n"
            for zeile in basis {
                text +=
                    "- \(MarkdownTable.escape(zeile.area.name)) (\(zeile.area.key)): \(MarkdownTable.escape(zeile.vergleichbarkeit.grund))\n"
            }
        }
        let nichtVergleichbar = vergleich.zeilen.filter { !$0.vergleichbarkeit.istVergleichbar }
        if !nichtVergleichbar.isEmpty {
            text += "\nNicht vergleichbar, weil sich die Gebiete zwischen den Jahren unterscheiden:\n\n"
            for zeile in nichtVergleichbar {
                text +=
                    "- \(MarkdownTable.escape(zeile.area.name)) (\(zeile.area.key)): \(MarkdownTable.escape(zeile.vergleichbarkeit.grund))\n"
            }
        }
        return text
    }

    /// Where the previous year's counts come from, and why no `*` of them is revealed.
    private var quelleText: String? {
        let bericht = "Bericht \(vergleich.vorjahr) zum \(vergleich.vorjahrStichtag.german)"
        let regel = "Eine Veränderung der Teilnehmenden erscheint nur, wo beide Zahlen veröffentlicht sind, sonst `*`."
        switch vergleich.quelle {
        case .ohneGeheimhaltung:
            return nil
        case .veroeffentlichterBericht:
            return "Die Teilnehmendenzahlen des Vorjahres sind die des veröffentlichten \(bericht), mit denselben Sperrungen. \(regel)"
        case .eigeneSperrung(let dates):
            let geprueft =
                dates.isEmpty
                ? "ohne weitere veröffentlichte Berichte des Jahres \(vergleich.vorjahr)"
                : "zusammen mit den veröffentlichten Berichten \(vergleich.vorjahr) zum " + dates.map(\.german).joined(separator: ", ")
            return
                "Die Teilnehmendenzahlen des Vorjahres stehen unter Geheimhaltung wie ein eigener \(bericht), geprüft \(geprueft). \(regel)"
        case .allesGesperrt:
            return "Die Teilnehmendenzahlen des Vorjahres sind gesperrt: der veröffentlichte \(bericht) war nicht lesbar."
        }
    }

    private func euro(_ value: Cents?) -> String { value.map(NumberFormat.euro) ?? MarkdownReport.dash }
    private func percent(_ tenths: Int?) -> String { tenths.map(NumberFormat.percent) ?? MarkdownReport.dash }

    /// `*` for a suppressed count, `–` for an area not in that year.
    private func count(_ value: Int??) -> String {
        switch value {
        case .none: MarkdownReport.dash
        case .some(.none): Suppression.symbol
        case .some(.some(let count)): NumberFormat.count(count)
        }
    }
}

extension MarkdownReport {
    /// The section "Vorjahresvergleich"; empty without a comparison.
    var vorjahresvergleich: String { report.vorjahr.map { VorjahrMarkdown(vergleich: $0).text } ?? "" }
}

/// `bericht.md`: the report as an analyst reads it, German formatting, every rule explained.
///
/// Shows the same published values as the CSV files (same suppressions), formatted for reading:
/// `1.234.567,89 €`, `62,3 %`, `–` where there is nothing to show, `*` where a count is withheld.
public struct MarkdownReport {
    public let report: YearReport
    public let context: ReportContext

    public init(report: YearReport, context: ReportContext) {
        self.report = report
        self.context = context
    }

    static let dash = "–"

    public var text: String {
        var parts: [String] = []
        eachSection { parts.append($0) }
        return parts.joined(separator: "\n")
    }

    /// The sections of the file in order, each built when the one before has been handed to
    /// `body`, empty ones left out; the file is the sections joined by a blank line
    /// (`ReportDocuments` writes them as they come, to `bericht.md` and `bericht.html`).
    func eachSection(_ body: (String) -> Void) {
        // The comparisons follow the table of areas they compare.
        let sections: [(MarkdownReport) -> String] = [
            \.header, \.keyFigures, \.areasTable, \.vorjahresvergleich, \.veraenderungenSeitBericht, \.auffaelligkeiten,
            \.haushaltssicht, \.zielerreichung, \.budgetaenderungen, \.massnahmenarten, \.rechtskreise, \.foerderschwerpunkteSection,
            \.inklusion, \.legend, \.methodik,
        ]
        for section in sections {
            let text = section(self)
            if !text.isEmpty { body(text) }
        }
    }

    public var bytes: [UInt8] { Array(text.utf8) }

    var header: String {
        var text = "# AQB \(report.year): Bericht zum Stichtag \(report.asOf.german)\n\n"
        if !report.disclosureControl {
            text +=
                "> **Nur für den internen Gebrauch.** Ohne Geheimhaltung: kleine Fallzahlen sind nicht unterdrückt; nicht weitergeben.\n\n"
        }
        for warning in context.warnings {
            text += "> **Warnung:** \(MarkdownTable.escape(warning))\n\n"
        }
        text += "Ausbildungs- und Qualifizierungsbudget, Kohorte \(report.year): alle Projekte des AQB-Jahres \(report.year) "
        text += "mit allen Buchungen bis zum \(report.asOf.german).\n\n"
        // Four times, each labelled: what the figures are as of, what they contain, what the
        // database held, and when it was read.
        text += "- Stichtag (Beträge): \(report.asOf.german)\n"
        text += "- Zähltag (Teilnehmende und jede andere Zahl von Personen): \(report.zaehltag.german)\n"
        text +=
            "- Neueste gezählte Buchung (Projekte des AQB-Jahres \(report.year), bis zum Stichtag): "
            + (report.newestCountedBooking?.german ?? "keine") + "\n"
        text +=
            "- Neueste Buchung in der Datenbank (alle AQB-Jahre, bis zum Tag des Datenstands): "
            + (context.neuesteBuchung?.german ?? "keine") + "\n"
        text += "- Datenstand (Lesezeitpunkt der Datenbank): \(MarkdownTable.escape(context.snapshotAm))\n"
        text += "- Erstellt am: \(MarkdownTable.escape(context.erstelltAm))\n"
        return text
    }

    var keyFigures: String {
        guard let land = report.areas.firstIndex(where: { $0.ebene == .land }) else { return "" }
        let figures = report.figures[land]
        let vorjahr = VorjahrKeyFigures(report: report)
        var table = MarkdownTable(header: ["Kennzahl", "Hessen"] + vorjahr.header, alignments: [.left, .right] + vorjahr.alignments)
        table.append(["Budget vereinbart", euro(figures.budgetVereinbart)] + vorjahr.budgetVereinbart)
        table.append(["Budgetänderungen", euro(figures.budgetAenderungen)] + vorjahr.budgetAenderungen)
        table.append(["Budget", euro(figures.budget)] + vorjahr.budget)
        table.append(["Bewilligt", euro(figures.bewilligt)] + vorjahr.bewilligt)
        table.append(["Ausgegeben", euro(figures.ausgegeben)] + vorjahr.ausgegeben)
        table.append(["Rest", euro(figures.rest)] + vorjahr.rest)
        table.append(["Mittelabfluss", percent(figures.abflussPromille)] + vorjahr.abfluss)
        table.append(["Bewilligungsquote (Bewilligt ÷ Budget)", percent(figures.bewilligtPromille)] + vorjahr.none)
        table.append(["Bewilligt, nicht ausgegeben", euro(figures.bewilligtNichtAusgegeben)] + vorjahr.none)
        table.append(["Projekte", NumberFormat.count(figures.projekte)] + vorjahr.projekte)
        table.append(
            ["Geplante Plätze", figuresFormat.places(figures.plaetzeGeplant, withoutPlan: figures.projekteOhnePlan)] + vorjahr.none)
        table.append(["Teilnehmende (Eintritte)", count(land, report.layout.total)] + vorjahr.teilnehmende)
        for (position, geschlecht) in Geschlecht.allCases.enumerated() {
            table.append(["davon \(geschlecht.label)", count(land, report.layout.geschlecht(position))] + vorjahr.none)
        }
        table.append(["davon mit Behinderung", count(land, report.layout.mitBehinderung)] + vorjahr.none)
        table.append(["Teilnahmen aktiv am Stichtag", count(land, report.layout.aktiv)] + vorjahr.none)
        return "## Hessen auf einen Blick\n\n" + table.text + vorjahr.footnote
    }

    var areasTable: String {
        let header = ["Gebiet", "AGS", "Budget", "Bewilligt", "Ausgegeben", "Rest", "Abfluss", "Projekte", "Teilnehmende"]
        var table = MarkdownTable(header: header, alignments: [.left, .left] + Array(repeating: .right, count: 7))
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            let row = [
                area.name, area.key, euro(figures.budget), euro(figures.bewilligt), euro(figures.ausgegeben), euro(figures.rest),
                percent(figures.abflussPromille), NumberFormat.count(figures.projekte), count(index, report.layout.total),
            ]
            area.ebene == .kreis ? table.append(row) : table.appendEmphasized(row)
        }
        return "## Regierungsbezirke und Kreise\n\n" + table.text
    }

    var massnahmenarten: String {
        guard let land = report.areas.firstIndex(where: { $0.ebene == .land }) else { return "" }
        var hessen = MarkdownTable(
            header: ["Maßnahmenart", "Bezeichnung", "Projekte", "Bewilligt", "Ausgegeben", "Teilnehmende"],
            alignments: [.left, .left, .right, .right, .right, .right])
        for (position, art) in report.massnahmenarten.enumerated() {
            let figures = report.figures[land].massnahmenarten[position]
            hessen.append([
                art.code, art.bezeichnung, NumberFormat.count(figures.projekte), euro(figures.bewilligt), euro(figures.ausgegeben),
                count(land, report.layout.massnahmenart(position)),
            ])
        }
        var matrix = MarkdownTable(
            header: ["Gebiet", "AGS"] + report.massnahmenarten.map(\.code) + ["Summe"],
            alignments: [.left, .left] + Array(repeating: .right, count: report.massnahmenarten.count + 1))
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            let row = [area.name, area.key] + figures.massnahmenarten.map { euro($0.ausgegeben) } + [euro(figures.ausgegeben)]
            area.ebene == .kreis ? matrix.append(row) : matrix.appendEmphasized(row)
        }
        return "## Maßnahmenarten\n\n### Hessen\n\n" + hessen.text + "\n### Ausgegeben nach Gebiet und Maßnahmenart\n\n" + matrix.text
    }

    var rechtskreise: String {
        guard let land = report.areas.firstIndex(where: { $0.ebene == .land }) else { return "" }
        var hessen = MarkdownTable(
            header: ["Rechtskreis", "Bezeichnung", "Teilnehmende"], alignments: [.left, .left, .right])
        for (position, kreis) in report.rechtskreise.enumerated() {
            let cell = report.layout.rechtskreis(position)
            hessen.append([kreis.code, kreis.bezeichnung, count(land, cell)])
        }
        var matrix = MarkdownTable(
            header: ["Gebiet", "AGS"] + report.rechtskreise.map(\.code) + ["Summe"],
            alignments: [.left, .left] + Array(repeating: .right, count: report.rechtskreise.count + 1))
        for (index, area) in report.areas.enumerated() {
            let row =
                [area.name, area.key] + report.rechtskreise.indices.map { count(index, report.layout.rechtskreis($0)) } + [
                    count(index, report.layout.total)
                ]
            area.ebene == .kreis ? matrix.append(row) : matrix.appendEmphasized(row)
        }
        return "## Rechtskreise\n\n### Hessen\n\n" + hessen.text + "\n### Teilnehmende nach Gebiet und Rechtskreis\n\n" + matrix.text
    }

    var legend: String {
        """
        ## Zeichenerklärung

        - `*`: Zahl gesperrt (Geheimhaltung): eine Fallzahl von 1 oder 2, oder ein Wert, der gesperrt ist, damit sich keine solche berechnen oder eingrenzen lässt. Ein `*` kann auch eine 0 verbergen.
        - `–`: nichts vorhanden: keine Zielvereinbarung für das Jahr, oder ein Anteil an einem Budget von 0.
        - Beträge in Euro mit Cent; Anteile in Prozent mit einer Nachkommastelle.

        """
    }

    var methodik: String {
        """
        ## Methodik

        - **Kohorte und Stichtag.** Ein AQB-Jahr ist eine Bewilligungskohorte. Zum Jahr \(report.year) gehören alle Projekte mit `jahr = \(report.year)`. *Ausgegeben* ist die Summe ihrer Buchungen mit Buchungstag bis zum Stichtag (\(report.asOf.german)), gleich in welchem Kalenderjahr gebucht wurde, mit oder ohne Bescheid; Rückzahlungen und Stornos zählen negativ. *Bewilligt* ist der bewilligte Betrag der Projekte, deren Bescheid bis zum Stichtag datiert ist. *Projekte* zählt alle Projekte der Kohorte. *Teilnehmende* zählt Teilnahmen (Eintritte, nicht Personen) mit Eintritt bis zum Zähltag (\(report.zaehltag.german)); der Austritt spielt keine Rolle.
        - **Zähltag.** Personen werden zu einem Zähltag gezählt, Beträge zum Stichtag, wie die Bundesagentur für Arbeit ihre Teilnehmendenstatistik je Berichtsmonat veröffentlicht: Zähltag ist das letzte Monatsende am oder vor dem Stichtag (der Stichtag selbst, wenn er ein Monatsende ist), sofern nicht `count_day: stichtag` gewählt ist. Alle Berichte eines Monats zeigen so dieselben Fallzahlen. Wo diese Hinweise "Stichtag" bei einer Zahl von Personen sagen (etwa *aktiv am Stichtag*), ist der Zähltag gemeint.
        - **Budget.** *Budget vereinbart* ist der Betrag der Zielvereinbarung; *Budgetänderungen* sind die Erhöhungen und Kürzungen, die bis zum Stichtag wirksam wurden; *Budget* ist beides zusammen. *Rest* = Budget − Ausgegeben. *Mittelabfluss* = Ausgegeben ÷ Budget × 100, auf eine Nachkommastelle kaufmännisch gerundet (halbe Zehntel von null weg). Ohne Zielvereinbarung bleiben die Budgetfelder leer (`–`), ebenso der Mittelabfluss bei einem Budget von 0.
        - **Gebiete.** Kreise sind die Gebietskörperschaften, die an einem Tag des Jahres gültig sind, und jede weitere mit einer Zielvereinbarung für das Jahr. Regierungsbezirk und Land sind die Summen ihrer Kreise; ihre Budgetfelder summieren die Kreise mit Zielvereinbarung. Alle Gebiete erscheinen, auch ohne Daten, nach Schlüssel geordnet.
        - **Rechtskreise.** Die Ausgaben jedes Projekts werden im Verhältnis seiner Teilnehmenden je Rechtskreis auf die Rechtskreise aufgeteilt, in ganzen Cent nach dem Verfahren der größten Reste (Hare-Niemeyer): jeder Anteil wird abgerundet, die übrigen Cent gehen einzeln an die größten Reste, bei gleichen Resten an den Rechtskreis mit der kleineren Sortierung; ein negativer Betrag wird als Betrag aufgeteilt und dann negiert. Projekte ohne gezählte Teilnehmende gehen ganz an *nicht zugeordnet*. Die Anteile plus *nicht zugeordnet* ergeben centgenau die Ausgaben des Gebiets.
        \(geheimhaltung)
        - **Beträge** werden exakt in Cent gerechnet; gerundet wird nur der Mittelabfluss bei der Ausgabe.

        """
    }

    /// The disclosure rule, the attacker it is audited against, and what it cost in this report.
    var geheimhaltung: String {
        guard let pattern = report.disclosure else {
            return "- **Geheimhaltung.** Für diesen internen Bericht abgeschaltet: alle Fallzahlen sind veröffentlicht."
        }
        let considered =
            pattern.considered.isEmpty
            ? "Frühere oder spätere veröffentlichte Berichte dieses AQB-Jahres lagen nicht vor."
            : "Berücksichtigt wurden die veröffentlichten Berichte dieses AQB-Jahres zum "
                + pattern.considered.map(\.german).joined(separator: ", ") + "."
        return "- **Geheimhaltung.** Angewandt. Fallzahlen von 1 oder 2 erscheinen als `*` (primäre Sperrung). "
            + "Weitere Zellen werden gesperrt (sekundäre Sperrung), bis eine Prüfung besteht, die jeden Bericht vor der Veröffentlichung angreift: "
            + "Für jede gesperrte Zelle berechnet ein ganzzahliges Optimierungsverfahren (GLPK) den Wertebereich, den ein Leser beweisen kann, der "
            + "alle veröffentlichten Zellen aller Dateien dieses Berichts kennt, alle Summen zwischen ihnen (Gesamtzahl = Summe der Geschlechter "
            + "= Summe der Maßnahmenarten = Summe der Rechtskreise = Summe der Förderschwerpunkte eines Gebiets; Teilnahmen mit Behinderung "
            + "plus solche ohne Angabe und die am Stichtag aktiven Teilnahmen höchstens die Gesamtzahl; Land = Summe der Regierungsbezirke "
            + "= Summe der Kreise; Regierungsbezirk = Summe seiner Kreise; für jede Zelle; die Teilnehmenden der Projekte eines Kreises "
            + "(`projekte.csv`, Kreisblätter) ergeben je Maßnahmenart und je Förderschwerpunkt seine Zellen), weiß, dass Fallzahlen ganze "
            + "Zahlen ab 0 sind, und die veröffentlichten Berichte desselben AQB-Jahres zu anderen Stichtagen kennt (eine Fallzahl von "
            + "Eintritten wächst mit dem Stichtag nur). "
            + "Jede gesperrte Zelle muss dabei mindestens zwei Werte zulassen, und ihr größter möglicher Wert muss mindestens 3 sein: "
            + "Niemand kann eine gesperrte Zahl ausrechnen oder auch nur als kleine Fallzahl erkennen. "
            + "Gesperrt werden bevorzugt kleine Zellen, und keine sekundäre Sperrung ist entbehrlich; ein `*` kann deshalb auch eine 0 verbergen. "
            + "\(considered) "
            + "In diesem Bericht sind \(NumberFormat.count(pattern.primaryCells)) Zellen primär gesperrt "
            + "(\(NumberFormat.count(pattern.primaryParticipants)) Teilnahmen) und \(NumberFormat.count(pattern.secondaryCells)) sekundär "
            + "(\(NumberFormat.count(pattern.secondaryParticipants)) Teilnahmen). Jeder Anteil und jede Besetzungsquote, die aus einer gesperrten Zahl "
            + "berechnet würde, ist ebenfalls gesperrt. Ausgaben werden nicht nach Rechtskreisen aufgeteilt: eine Aufteilung im Verhältnis "
            + "der Teilnehmenden je Projekt ließe gesperrte Fallzahlen zurückrechnen. Alle Beträge sind Summen von Buchungen und Bescheiden "
            + "und hängen von keiner Fallzahl ab."
    }

    private func euro(_ value: Cents?) -> String { figuresFormat.euro(value) }

    private func percent(_ tenths: Int?) -> String { figuresFormat.percent(tenths) }

    private func count(_ area: Int, _ cell: Int) -> String { figuresFormat.count(area, cell) }

}

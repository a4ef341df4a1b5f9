/// `kreise/<ags>-<slug>.md`: one Kreis on one sheet, for its autumn review meeting.
///
/// Its key figures, spending per Haushaltsjahr, budget changes with reasons, projects, targets
/// per Maßnahmenart, earmarks and Rechtskreis mix. Every count is the published value or `*`
/// (`MarkdownFigures`), the same as in `bericht.md` and the CSV files, project counts included.
public struct CountySheet {
    public let report: YearReport
    public let context: ReportContext
    /// Index of the Kreis among the report's areas.
    public let area: Int

    public init(report: YearReport, context: ReportContext, area: Int) {
        self.report = report
        self.context = context
        self.area = area
    }

    /// `kreise/06411-darmstadt-stadt.md`: the key makes it unique, the slug readable.
    public var fileName: String { "kreise/\(report.areas[area].key)-\(CountySheet.slug(report.areas[area].name)).md" }

    /// A file-name part from a name in the database: ASCII letters and digits joined by `-`,
    /// umlauts spelled out, at most 40 characters; whatever else the name holds is dropped, so no
    /// name can reach outside the folder or hide a suffix.
    public static func slug(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "ä": result += "ae"
            case "ö": result += "oe"
            case "ü": result += "ue"
            case "ß": result += "ss"
            case "a"..."z", "0"..."9": result.append(character)
            default: if !result.isEmpty, result.last != "-" { result += "-" }
            }
        }
        while result.last == "-" { result.removeLast() }
        let short = String(result.prefix(40))
        let trimmed = short.hasSuffix("-") ? String(short.dropLast()) : short
        return trimmed.isEmpty ? "kreis" : trimmed
    }

    public var text: String {
        var parts: [String] = []
        eachSection { parts.append($0) }
        return parts.joined(separator: "\n")
    }

    /// The sections of the sheet in order, each built when the one before has been handed to
    /// `body`, empty ones left out; the sheet is the sections joined by a blank line. The
    /// findings and the projects of a Kreis are its two long lists: one of them is in memory at
    /// a time, not the whole sheet (`ReportDocuments`).
    func eachSection(_ body: (String) -> Void) {
        let sections: [(CountySheet) -> String] = [
            \.header, \.keyFigures, \.findings, \.haushaltsjahre, \.budgetChanges, \.projects, \.targets, \.earmarks, \.rechtskreise,
            \.footer,
        ]
        for section in sections {
            let text = section(self)
            if !text.isEmpty { body(text) }
        }
    }

    private var format: MarkdownFigures { MarkdownFigures(report: report) }
    private var figures: Figures { report.figures[area] }
    private var kreis: Area { report.areas[area] }

    private var header: String {
        var text = "# \(MarkdownTable.escape(kreis.name)) (\(kreis.key)): AQB \(report.year), Stand \(report.asOf.german)\n\n"
        if !report.disclosureControl {
            text +=
                "> **Nur für den internen Gebrauch.** Ohne Geheimhaltung: kleine Fallzahlen sind nicht unterdrückt; nicht weitergeben.\n\n"
        }
        let bezirk = kreis.parentKey.flatMap { key in report.areas.first { $0.key == key }?.name } ?? MarkdownReport.dash
        text += "- \(MarkdownTable.escape(kreis.art.isEmpty ? "Gebietskörperschaft" : kreis.art)) im \(MarkdownTable.escape(bezirk))\n"
        text +=
            "- Stichtag (Beträge): \(report.asOf.german); Zähltag (Personen): \(report.zaehltag.german); "
            + "Datenstand: \(MarkdownTable.escape(context.snapshotAm))\n"
        text += "- Kohorte \(report.year): alle Projekte des AQB-Jahres \(report.year) mit allen Buchungen bis zum Stichtag. "
        text += "Zeichen und Regeln wie im Landesbericht (`../bericht.md`, Zeichenerklärung und Methodik).\n"
        return text
    }

    private var keyFigures: String {
        let layout = report.layout
        // The previous cohort at the same day one year earlier, as `vorjahr.csv` publishes it.
        let vorjahr = VorjahrKeyFigures(report: report, ags: kreis.key)
        var table = MarkdownTable(
            header: ["Kennzahl", "AQB \(report.year)"] + vorjahr.header, alignments: [.left, .right] + vorjahr.alignments)
        table.append(["Budget vereinbart", format.euro(figures.budgetVereinbart)] + vorjahr.budgetVereinbart)
        table.append(["Budgetänderungen", format.euro(figures.budgetAenderungen)] + vorjahr.budgetAenderungen)
        table.append(["Budget", format.euro(figures.budget)] + vorjahr.budget)
        table.append(["Bewilligt", format.euro(figures.bewilligt)] + vorjahr.bewilligt)
        table.append(["Bewilligungsquote (Bewilligt ÷ Budget)", format.percent(figures.bewilligtPromille)] + vorjahr.none)
        table.append(["Ausgegeben", format.euro(figures.ausgegeben)] + vorjahr.ausgegeben)
        table.append(["Mittelabfluss (Ausgegeben ÷ Budget)", format.percent(figures.abflussPromille)] + vorjahr.abfluss)
        table.append(["Bewilligt, nicht ausgegeben", format.euro(figures.bewilligtNichtAusgegeben)] + vorjahr.none)
        table.append(["Rest (Budget − Ausgegeben)", format.euro(figures.rest)] + vorjahr.rest)
        table.append(["Projekte", NumberFormat.count(figures.projekte)] + vorjahr.projekte)
        table.append(["Geplante Plätze", format.places(figures.plaetzeGeplant, withoutPlan: figures.projekteOhnePlan)] + vorjahr.none)
        table.append(["Teilnahmen (Eintritte bis zum Stichtag)", format.count(area, layout.total)] + vorjahr.teilnehmende)
        table.append(["Teilnahmen aktiv am Stichtag", format.count(area, layout.aktiv)] + vorjahr.none)
        table.append(["Teilnahmen mit Behinderung", format.count(area, layout.mitBehinderung)] + vorjahr.none)
        table.append(["Teilnahmen, Angabe zur Behinderung fehlt", format.count(area, layout.behinderungUnbekannt)] + vorjahr.none)
        var text = "## Kennzahlen\n\n" + table.text
        if let zeile = report.vorjahr?.zeile(ags: kreis.key), !zeile.vergleichbarkeit.istVergleichbar {
            text += "\nMit dem Vorjahr nicht vergleichbar: \(MarkdownTable.escape(zeile.vergleichbarkeit.grund)).\n"
        }
        return text
    }

    /// The findings of this Kreis (`auffaelligkeiten.csv` filtered by its key).
    private var findings: String {
        guard let all = report.findings else { return "" }
        let own = all.filter { $0.ags == kreis.key }
        guard !own.isEmpty else { return "## Auffälligkeiten\n\nKeine.\n" }
        var table = MarkdownTable(header: ["Schwere", "Regel", "Projekt", "Beschreibung"], alignments: [.left, .left, .left, .left])
        for finding in own {
            table.append([
                finding.schwere.rawValue, finding.regel.rawValue, finding.projektId.map(String.init) ?? MarkdownReport.dash,
                finding.beschreibung,
            ])
        }
        return "## Auffälligkeiten\n\nDie Regeln stehen im Landesbericht (`../bericht.md`, Abschnitt Auffälligkeiten).\n\n" + table.text
    }

    private var haushaltsjahre: String {
        guard !figures.haushaltsjahre.isEmpty else { return "" }
        var table = MarkdownTable(header: ["Haushaltsjahr (Buchungsjahr)", "Ausgegeben"], alignments: [.left, .right])
        for entry in figures.haushaltsjahre { table.append([entry.jahr.map(String.init) ?? "ohne Jahr", format.euro(entry.ausgegeben)]) }
        table.appendEmphasized(["Summe (Kohorte)", format.euro(figures.ausgegeben)])
        return "## Ausgaben nach Haushaltsjahr\n\n" + table.text
    }

    private var budgetChanges: String {
        let changes = report.budgetAenderungen.filter { $0.ags == kreis.key }
        guard !changes.isEmpty else { return "## Budgetänderungen\n\nBis zum Stichtag keine.\n" }
        var table = MarkdownTable(header: ["Wirksam am", "Betrag", "Grund"], alignments: [.left, .right, .left])
        for change in changes {
            table.append([
                change.wirksamAm?.german ?? MarkdownReport.dash, format.euro(change.betrag), change.grund ?? MarkdownReport.dash,
            ])
        }
        return "## Budgetänderungen\n\n" + table.text
    }

    private var projects: String {
        let indices = report.projects.indices.filter { report.projects[$0].ags == kreis.key }
        guard !indices.isEmpty else { return "## Projekte\n\nKeine Projekte im AQB-Jahr \(report.year).\n" }
        var table = MarkdownTable(
            header: [
                "Projekt", "Titel", "Träger", "Maßnahmenart", "Förderschwerpunkt", "Bescheid vom", "Bewilligt", "Ausgegeben",
                "Teilnehmende",
                "Geplante Plätze", "Besetzung",
            ],
            alignments: [.left, .left, .left, .left, .left, .left, .right, .right, .right, .right, .right])
        for index in indices {
            let project = report.projects[index]
            table.append([
                String(project.id), project.titel, project.traeger ?? MarkdownReport.dash,
                report.massnahmenarten[project.massnahmenart].code,
                project.foerderschwerpunkt.map { report.foerderschwerpunkte[$0].code } ?? MarkdownReport.dash,
                project.bescheidAm?.german ?? "ausstehend", format.euro(project.bewilligt), format.euro(project.ausgegeben),
                format.projectCount(index), project.plaetzeGeplant.map(NumberFormat.count) ?? MarkdownReport.dash,
                format.projectOccupancy(index),
            ])
        }
        return "## Projekte\n\n*Bewilligt* zählt nur Bescheide bis zum Stichtag. *Besetzung* = Teilnehmende ÷ geplante Plätze.\n\n"
            + table.text
    }

    private var targets: String {
        var table = MarkdownTable(
            header: [
                "Maßnahmenart", "Projekte", "Geplante Plätze", "Teilnehmende", "Besetzung", "Bewilligt", "Ausgegeben",
                "Abfluss der Bewilligung",
            ],
            alignments: [.left] + Array(repeating: .right, count: 7))
        for (position, art) in report.massnahmenarten.enumerated() {
            let group = figures.massnahmenarten[position]
            let cell = report.layout.massnahmenart(position)
            table.append([
                art.bezeichnung, NumberFormat.count(group.projekte),
                format.places(group.plaetzeGeplant, withoutPlan: group.projekteOhnePlan),
                format.count(area, cell), format.occupancy(area, cell, plaetze: group.plaetzeGeplant, ohnePlan: group.projekteOhnePlan),
                format.euro(group.bewilligt), format.euro(group.ausgegeben),
                format.percent(Percentage.tenths(of: group.ausgegeben, per: group.bewilligt)),
            ])
        }
        return "## Zielerreichung nach Maßnahmenart\n\n" + table.text
    }

    private var earmarks: String {
        var table = MarkdownTable(
            header: ["Förderschwerpunkt", "Projekte", "Bewilligt", "Ausgegeben", "Teilnehmende"],
            alignments: [.left, .right, .right, .right, .right])
        for position in figures.foerderschwerpunkte.indices {
            let group = figures.foerderschwerpunkte[position]
            table.append([
                format.foerderschwerpunktName(position), NumberFormat.count(group.projekte), format.euro(group.bewilligt),
                format.euro(group.ausgegeben), format.count(area, format.foerderschwerpunktCell(position)),
            ])
        }
        return "## Förderschwerpunkte\n\n" + table.text
    }

    private var rechtskreise: String {
        var table = MarkdownTable(header: ["Rechtskreis", "Teilnehmende", "Anteil"], alignments: [.left, .right, .right])
        for (position, kreis) in report.rechtskreise.enumerated() {
            let cell = report.layout.rechtskreis(position)
            table.append([kreis.bezeichnung, format.count(area, cell), format.share(area, cell)])
        }
        table.appendEmphasized([
            "Summe", format.count(area, report.layout.total),
            // No share of nothing: a Kreis without participations has `–`, not 100 %.
            report.count(area: area, cell: report.layout.total).map { $0 == 0 ? MarkdownReport.dash : "100,0 %" } ?? Suppression.symbol,
        ])
        return "## Rechtskreise\n\nTeilnahmen nach Rechtskreis, in Zahlen und Prozent aller Teilnahmen des Kreises.\n\n" + table.text
    }

    private var footer: String {
        "---\n\nErstellt am \(MarkdownTable.escape(context.erstelltAm)) von aqb-report. `*`: gesperrt (Geheimhaltung, kann auch 0 sein); `–`: nichts vorhanden.\n"
    }
}

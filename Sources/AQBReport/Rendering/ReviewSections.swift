/// The sections of `bericht.md` for the autumn review: money as the budget office sees it,
/// targets, earmarks, inclusion and the budget changes with their reasons.
///
/// Every count goes through `MarkdownFigures`, so it is the published value or `*`, as in the
/// CSV files.
extension MarkdownReport {
    var figuresFormat: MarkdownFigures { MarkdownFigures(report: report) }

    /// Approval quote, approved but unspent, spending per calendar year beside the cohort view,
    /// participations active on the Stichtag beside the cumulative count.
    var haushaltssicht: String {
        let format = figuresFormat
        let years = format.haushaltsjahre
        let header =
            ["Gebiet", "AGS", "Budget", "Bewilligt", "Bewilligungsquote", "Bewilligt, nicht ausgegeben"]
            + years.map { "Ausgegeben \($0.map(String.init) ?? "ohne Jahr")" } + [
                "Ausgegeben (Kohorte)", "Teilnahmen aktiv am Stichtag", "Teilnahmen kumuliert",
            ]
        var table = MarkdownTable(header: header, alignments: [.left, .left] + Array(repeating: .right, count: header.count - 2))
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            let row =
                [
                    area.name, area.key, format.euro(figures.budget), format.euro(figures.bewilligt),
                    format.percent(figures.bewilligtPromille),
                    format.euro(figures.bewilligtNichtAusgegeben),
                ] + years.map { format.euro(format.spending(figures, haushaltsjahr: $0)) } + [
                    format.euro(figures.ausgegeben), format.count(index, report.layout.aktiv), format.count(index, report.layout.total),
                ]
            area.ebene == .kreis ? table.append(row) : table.appendEmphasized(row)
        }
        return "## Mittel aus Sicht des Haushalts\n\n"
            + "Die Kohorte \(report.year) nach Kalenderjahr der Buchung (Haushaltsjahr); die Jahre ergeben zusammen *Ausgegeben (Kohorte)*. "
            + "*Bewilligungsquote* = Bewilligt ÷ Budget. *Teilnahmen* sind Eintritte, nicht Personen: *aktiv am Stichtag* zählt die "
            + "Teilnahmen mit Eintritt bis zum Stichtag, die am Stichtag noch nicht ausgetreten sind (Austritt leer oder am oder nach dem Stichtag).\n\n"
            + table.text
    }

    /// Planned places against entries, approval against spending, per area and per Maßnahmenart.
    var zielerreichung: String {
        let format = figuresFormat
        var table = MarkdownTable(
            header: [
                "Gebiet", "AGS", "Projekte", "Geplante Plätze", "Teilnehmende", "Besetzung", "Bewilligt", "Ausgegeben",
                "Abfluss der Bewilligung",
            ],
            alignments: [.left, .left] + Array(repeating: .right, count: 7))
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            let row = [
                area.name, area.key, NumberFormat.count(figures.projekte),
                format.places(figures.plaetzeGeplant, withoutPlan: figures.projekteOhnePlan),
                format.count(index, report.layout.total),
                format.occupancy(index, report.layout.total, plaetze: figures.plaetzeGeplant, ohnePlan: figures.projekteOhnePlan),
                format.euro(figures.bewilligt),
                format.euro(figures.ausgegeben), format.percent(Percentage.tenths(of: figures.ausgegeben, per: figures.bewilligt)),
            ]
            area.ebene == .kreis ? table.append(row) : table.appendEmphasized(row)
        }
        var hessen = ""
        if let land = report.areas.firstIndex(where: { $0.ebene == .land }) {
            var arten = MarkdownTable(
                header: [
                    "Maßnahmenart", "Projekte", "Geplante Plätze", "Teilnehmende", "Besetzung", "Bewilligt", "Ausgegeben",
                    "Abfluss der Bewilligung",
                ],
                alignments: [.left] + Array(repeating: .right, count: 7))
            for (position, art) in report.massnahmenarten.enumerated() {
                let figures = report.figures[land].massnahmenarten[position]
                let cell = report.layout.massnahmenart(position)
                arten.append([
                    art.bezeichnung, NumberFormat.count(figures.projekte),
                    format.places(figures.plaetzeGeplant, withoutPlan: figures.projekteOhnePlan),
                    format.count(land, cell),
                    format.occupancy(land, cell, plaetze: figures.plaetzeGeplant, ohnePlan: figures.projekteOhnePlan),
                    format.euro(figures.bewilligt),
                    format.euro(figures.ausgegeben),
                    format.percent(Percentage.tenths(of: figures.ausgegeben, per: figures.bewilligt)),
                ])
            }
            hessen = "\n### Hessen nach Maßnahmenart\n\n" + arten.text
        }
        return "## Zielerreichung\n\n"
            + "*Besetzung* = Teilnehmende (Eintritte bis zum Stichtag) ÷ geplante Plätze; nur wo jedes Projekt der Zeile seine Plätze nennt "
            + "(sonst `–`, die Zahl der Projekte ohne Plan steht bei den Plätzen). *Abfluss der Bewilligung* = Ausgegeben ÷ Bewilligt. "
            + "Die Projekte einzeln: `projekte.csv` und die Kreisblätter.\n\n" + table.text + hessen
    }

    /// The earmarks: per area and Förderschwerpunkt, with the projects without one last.
    var foerderschwerpunkteSection: String {
        let format = figuresFormat
        let rows = report.foerderschwerpunkte.count + 1
        var hessen = MarkdownTable(
            header: ["Förderschwerpunkt", "Projekte", "Bewilligt", "Ausgegeben", "Teilnehmende"],
            alignments: [.left, .right, .right, .right, .right])
        if let land = report.areas.firstIndex(where: { $0.ebene == .land }) {
            for position in 0..<rows {
                let figures = report.figures[land].foerderschwerpunkte[position]
                hessen.append([
                    format.foerderschwerpunktName(position), NumberFormat.count(figures.projekte), format.euro(figures.bewilligt),
                    format.euro(figures.ausgegeben), format.count(land, format.foerderschwerpunktCell(position)),
                ])
            }
        }
        let names = report.foerderschwerpunkte.map(\.code) + [Suppression.ohneFoerderschwerpunkt]
        let header = ["Gebiet", "AGS"] + names.flatMap { ["\($0): Ausgegeben", "\($0): Teilnehmende"] }
        var matrix = MarkdownTable(header: header, alignments: [.left, .left] + Array(repeating: .right, count: header.count - 2))
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            let row =
                [area.name, area.key]
                + (0..<rows).flatMap {
                    [format.euro(figures.foerderschwerpunkte[$0].ausgegeben), format.count(index, format.foerderschwerpunktCell($0))]
                }
            area.ebene == .kreis ? matrix.append(row) : matrix.appendEmphasized(row)
        }
        return "## Förderschwerpunkte\n\n"
            + "Projekte mit einem Förderschwerpunkt (Zweckbindung, § 2 der Zielvereinbarung) und die übrigen (*\(Suppression.ohneFoerderschwerpunkt)*); "
            + "die Zeilen eines Gebiets ergeben zusammen seine Summen.\n\n### Hessen\n\n" + hessen.text
            + "\n### Nach Gebiet\n\n" + matrix.text
    }

    /// Participations of people with a disability (§ 3 of the agreement), and where it is unknown.
    var inklusion: String {
        let format = figuresFormat
        let layout = report.layout
        var table = MarkdownTable(
            header: ["Gebiet", "AGS", "Teilnehmende", "mit Behinderung", "Anteil", "Angabe fehlt", "Anteil"],
            alignments: [.left, .left] + Array(repeating: .right, count: 5))
        for (index, area) in report.areas.enumerated() {
            let row = [
                area.name, area.key, format.count(index, layout.total), format.count(index, layout.mitBehinderung),
                format.share(index, layout.mitBehinderung), format.count(index, layout.behinderungUnbekannt),
                format.share(index, layout.behinderungUnbekannt),
            ]
            area.ebene == .kreis ? table.append(row) : table.appendEmphasized(row)
        }
        return "## Inklusion\n\n"
            + "Teilnahmen (Eintritte bis zum Stichtag) von Menschen mit (Schwer-)Behinderung (`schwerbehinderung` ja) und solche, "
            + "bei denen die Angabe fehlt. Anteile an allen Teilnahmen des Gebiets; ein Anteil erscheint nur, wo beide Zahlen veröffentlicht sind.\n\n"
            + table.text
    }

    /// Every budget change effective up to the Stichtag, with its reason.
    var budgetaenderungen: String {
        let format = figuresFormat
        guard !report.budgetAenderungen.isEmpty else {
            return "## Budgetänderungen\n\nBis zum Stichtag wurde kein Budget geändert.\n"
        }
        let names = Dictionary(report.areas.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        var table = MarkdownTable(
            header: ["Gebiet", "AGS", "Wirksam am", "Betrag", "Grund"], alignments: [.left, .left, .left, .right, .left])
        for change in report.budgetAenderungen {
            table.append([
                names[change.ags] ?? "", change.ags, change.wirksamAm?.german ?? MarkdownReport.dash, format.euro(change.betrag),
                change.grund ?? MarkdownReport.dash,
            ])
        }
        return
            "## Budgetänderungen\n\nErhöhungen und Kürzungen, die bis zum Stichtag wirksam wurden; je Kreis ergeben sie die Spalte *Budgetänderungen*.\n\n"
            + table.text
    }
}

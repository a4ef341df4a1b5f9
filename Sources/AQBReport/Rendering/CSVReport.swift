/// The wide CSV files of a year's report (with `auffaelligkeiten.csv`, `FindingsCSV`).
///
/// Empty cell: nothing to report (no Zielvereinbarung, budget 0 for the share, the
/// `teilnehmende` of `nicht zugeordnet`). `*`: suppressed by disclosure control.
public struct CSVReport {
    public let report: YearReport
    public let format: CSVFormat

    public init(report: YearReport, format: CSVFormat) {
        self.report = report
        self.format = format
    }

    /// File name and writer, in the order they are written.
    var tables: [(name: String, write: (CSVReport) -> (FileWriter) -> Void)] {
        [
            ("kreise.csv", CSVReport.kreise), ("massnahmenarten.csv", CSVReport.massnahmenarten),
            ("rechtskreise.csv", CSVReport.rechtskreise), ("foerderschwerpunkte.csv", CSVReport.foerderschwerpunkte),
            ("projekte.csv", CSVReport.projekte), ("budgetaenderungen.csv", CSVReport.budgetaenderungen),
            ("haushaltsjahre.csv", CSVReport.haushaltsjahre), ("auffaelligkeiten.csv", CSVReport.auffaelligkeiten),
        ]
    }

    /// Writes every file row by row into `files`.
    public func write(into files: inout some FileSink) throws(ReportError) {
        for table in tables {
            try files.write(table.name) { writer in table.write(self)(writer) }
        }
    }

    /// `auffaelligkeiten.csv`, one row per finding (`FindingsCSV`).
    func auffaelligkeiten(into writer: FileWriter) {
        FindingsCSV(findings: report.findings ?? [], format: format).write(into: writer)
    }

    func kreise(into writer: FileWriter) {
        let header =
            [
                "ebene", "ags", "name", "budget_vereinbart_eur", "budget_aenderungen_eur", "budget_eur", "bewilligt_eur",
                "ausgegeben_eur", "rest_eur", "abfluss_prozent", "projekte", "teilnehmende",
            ] + Geschlecht.allCases.map { "teilnehmende_\($0.columnSuffix)" } + [
                "art", "teilnehmende_mit_behinderung", "teilnehmende_behinderung_unbekannt", "teilnahmen_aktiv_am_stichtag",
                "bewilligungsquote_prozent", "bewilligt_nicht_ausgegeben_eur", "plaetze_geplant", "projekte_ohne_plan",
            ]
        var table = CSVTable(format: format, header: header, into: writer)
        let layout = report.layout
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            var row = [area.ebene.rawValue, area.key, text(area.name)]
            row += [figures.budgetVereinbart, figures.budgetAenderungen, figures.budget].map(amount)
            row += [amount(figures.bewilligt), amount(figures.ausgegeben), amount(figures.rest)]
            row.append(figures.abflussPromille.map { NumberFormat.plainPercent($0, decimalSeparator: format.decimalSeparator) } ?? "")
            row.append(String(figures.projekte))
            row.append(count(index, layout.total))
            row += Geschlecht.allCases.indices.map { count(index, layout.geschlecht($0)) }
            // New columns go at the end, so readers that take columns by position keep working.
            row.append(text(area.art))
            row += [layout.mitBehinderung, layout.behinderungUnbekannt, layout.aktiv].map { count(index, $0) }
            row.append(percent(figures.bewilligtPromille))
            row.append(amount(figures.bewilligtNichtAusgegeben))
            row += [String(figures.plaetzeGeplant), String(figures.projekteOhnePlan)]
            table.append(row)
        }
    }

    func massnahmenarten(into writer: FileWriter) {
        let header = [
            "ebene", "ags", "name", "massnahmenart", "projekte", "bewilligt_eur", "ausgegeben_eur", "teilnehmende", "plaetze_geplant",
            "projekte_ohne_plan",
        ]
        var table = CSVTable(format: format, header: header, into: writer)
        for (index, area) in report.areas.enumerated() {
            for (position, art) in report.massnahmenarten.enumerated() {
                let figures = report.figures[index].massnahmenarten[position]
                table.append([
                    area.ebene.rawValue, area.key, text(area.name), text(art.code), String(figures.projekte), amount(figures.bewilligt),
                    amount(figures.ausgegeben), count(index, report.layout.massnahmenart(position)), String(figures.plaetzeGeplant),
                    String(figures.projekteOhnePlan),
                ])
            }
        }
    }

    func rechtskreise(into writer: FileWriter) {
        // No money per Rechtskreis: spending split over Rechtskreise in proportion to the
        // participants gave the suppressed counts away (README, "Geld und Fallzahlen").
        let header = ["ebene", "ags", "name", "rechtskreis", "teilnehmende"]
        var table = CSVTable(format: format, header: header, into: writer)
        for (index, area) in report.areas.enumerated() {
            for (position, kreis) in report.rechtskreise.enumerated() {
                let cell = report.layout.rechtskreis(position)
                table.append([area.ebene.rawValue, area.key, text(area.name), text(kreis.code), count(index, cell)])
            }
        }
    }

    /// Per area, each Förderschwerpunkt, then the projects without one (`ohne Förderschwerpunkt`),
    /// so that each area's rows add up to its totals in `kreise.csv`.
    func foerderschwerpunkte(into writer: FileWriter) {
        let header = ["ebene", "ags", "name", "foerderschwerpunkt", "projekte", "bewilligt_eur", "ausgegeben_eur", "teilnehmende"]
        var table = CSVTable(format: format, header: header, into: writer)
        let codes = report.foerderschwerpunkte.map { text($0.code) } + [Suppression.ohneFoerderschwerpunkt]
        for (index, area) in report.areas.enumerated() {
            for (position, code) in codes.enumerated() {
                let figures = report.figures[index].foerderschwerpunkte[position]
                let cell = report.layout.foerderschwerpunkt(position < report.foerderschwerpunkte.count ? position : nil)
                table.append([
                    area.ebene.rawValue, area.key, text(area.name), code, String(figures.projekte), amount(figures.bewilligt),
                    amount(figures.ausgegeben), count(index, cell),
                ])
            }
        }
    }

    /// Every project of the cohort, by Kreis and id: the targets (planned places) beside what
    /// was reached. `besetzung_prozent` is `*` where the count is.
    func projekte(into writer: FileWriter) {
        let header = [
            "ags", "name", "projekt_id", "titel", "traeger", "massnahmenart", "foerderschwerpunkt", "bescheid_am", "bewilligt_eur",
            "ausgegeben_eur", "abfluss_prozent", "teilnehmende", "plaetze_geplant", "besetzung_prozent",
        ]
        var table = CSVTable(format: format, header: header, into: writer)
        let names = Dictionary(report.areas.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (index, project) in report.projects.enumerated() {
            let published = report.projectCount(index)
            let besetzung = published.flatMap { count in project.plaetzeGeplant.flatMap { Percentage.tenths(of: count, per: $0) } }
            table.append([
                text(project.ags), text(names[project.ags] ?? ""), String(project.id), text(project.titel), text(project.traeger ?? ""),
                text(report.massnahmenarten[project.massnahmenart].code),
                text(project.foerderschwerpunkt.map { report.foerderschwerpunkte[$0].code } ?? ""),
                project.bescheidAm?.description ?? "", amount(project.bewilligt), amount(project.ausgegeben),
                percent(Percentage.tenths(of: project.ausgegeben, per: project.bewilligt)),
                published.map(String.init) ?? Suppression.symbol, project.plaetzeGeplant.map(String.init) ?? "",
                published == nil && project.plaetzeGeplant != nil ? Suppression.symbol : percent(besetzung),
            ])
        }
    }

    /// The budget changes effective up to the Stichtag with their reasons; per Kreis they add
    /// up to `budget_aenderungen_eur` of `kreise.csv`.
    func budgetaenderungen(into writer: FileWriter) {
        var table = CSVTable(format: format, header: ["ags", "name", "wirksam_am", "betrag_eur", "grund"], into: writer)
        let names = Dictionary(report.areas.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        for change in report.budgetAenderungen {
            table.append([
                text(change.ags), text(names[change.ags] ?? ""), change.wirksamAm?.description ?? "", amount(change.betrag),
                text(change.grund ?? ""),
            ])
        }
    }

    /// Spending up to the Stichtag per calendar year of booking (Haushaltsjahr), per area; each
    /// area's rows add up to its `ausgegeben_eur`.
    func haushaltsjahre(into writer: FileWriter) {
        var table = CSVTable(format: format, header: ["ebene", "ags", "name", "haushaltsjahr", "ausgegeben_eur"], into: writer)
        for (index, area) in report.areas.enumerated() {
            for entry in report.figures[index].haushaltsjahre {
                table.append([
                    area.ebene.rawValue, area.key, text(area.name), entry.jahr.map(String.init) ?? Haushaltsjahr.ohneJahr,
                    amount(entry.ausgegeben),
                ])
            }
        }
    }

    /// Text from the database: never a formula in a spreadsheet (`SpreadsheetText`).
    private func text(_ value: String) -> String { SpreadsheetText.neutralized(value) }

    private func percent(_ tenths: Int?) -> String {
        tenths.map { NumberFormat.plainPercent($0, decimalSeparator: format.decimalSeparator) } ?? ""
    }

    private func amount(_ value: Cents?) -> String {
        value.map { NumberFormat.plain($0, decimalSeparator: format.decimalSeparator) } ?? ""
    }

    private func count(_ area: Int, _ cell: Int) -> String {
        report.count(area: area, cell: cell).map(String.init) ?? Suppression.symbol
    }
}

/// The symbols the files share.
public enum Suppression {
    /// A count of 1 or 2, or a value from which one could be computed (BA convention).
    public static let symbol = "*"
    /// The Rechtskreis row for spending of projects without counted participants.
    public static let nichtZugeordnet = "nicht zugeordnet"
    /// The Förderschwerpunkt row of projects without one.
    public static let ohneFoerderschwerpunkt = "ohne Förderschwerpunkt"
}

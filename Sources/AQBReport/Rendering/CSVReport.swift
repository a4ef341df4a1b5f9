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

    /// File name → content, in the order they are written.
    public var files: [(name: String, bytes: [UInt8])] {
        [("kreise.csv", kreise.bytes), ("massnahmenarten.csv", massnahmenarten.bytes), ("rechtskreise.csv", rechtskreise.bytes)]
            + [("auffaelligkeiten.csv", FindingsCSV(findings: report.findings ?? [], format: format).table.bytes)]
    }

    public var kreise: CSVTable {
        let header =
            [
                "ebene", "ags", "name", "budget_vereinbart_eur", "budget_aenderungen_eur", "budget_eur", "bewilligt_eur",
                "ausgegeben_eur", "rest_eur", "abfluss_prozent", "projekte", "teilnehmende",
            ] + Geschlecht.allCases.map { "teilnehmende_\($0.columnSuffix)" } + ["art"]
        var table = CSVTable(format: format, header: header)
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
            table.append(row)
        }
        return table
    }

    public var massnahmenarten: CSVTable {
        let header = ["ebene", "ags", "name", "massnahmenart", "projekte", "bewilligt_eur", "ausgegeben_eur", "teilnehmende"]
        var table = CSVTable(format: format, header: header)
        for (index, area) in report.areas.enumerated() {
            for (position, art) in report.massnahmenarten.enumerated() {
                let figures = report.figures[index].massnahmenarten[position]
                table.append([
                    area.ebene.rawValue, area.key, text(area.name), text(art.code), String(figures.projekte), amount(figures.bewilligt),
                    amount(figures.ausgegeben), count(index, report.layout.massnahmenart(position)),
                ])
            }
        }
        return table
    }

    public var rechtskreise: CSVTable {
        let header = ["ebene", "ags", "name", "rechtskreis", "teilnehmende", "ausgaben_anteilig_eur"]
        var table = CSVTable(format: format, header: header)
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            for (position, kreis) in report.rechtskreise.enumerated() {
                let cell = report.layout.rechtskreis(position)
                let published = report.count(area: index, cell: cell) != nil
                table.append([
                    area.ebene.rawValue, area.key, text(area.name), text(kreis.code), count(index, cell),
                    published ? amount(figures.rechtskreisAusgaben[position]) : Suppression.symbol,
                ])
            }
            table.append([area.ebene.rawValue, area.key, text(area.name), Suppression.nichtZugeordnet, "", amount(figures.nichtZugeordnet)])
        }
        return table
    }

    /// Text from the database: never a formula in a spreadsheet (`SpreadsheetText`).
    private func text(_ value: String) -> String { SpreadsheetText.neutralized(value) }

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
}

/// The autumn review's tables in `bericht.xlsx`: projects, budget changes with reasons, the
/// previous cohort, Förderschwerpunkte, spending per Haushaltsjahr and inclusion, so that an
/// analyst finds a Kreis's projects and changes in the mailed workbook alone.
///
/// Each sheet but Inklusion holds its CSV file column for column and row for row (`projekte.csv`,
/// `budgetaenderungen.csv`, `vorjahr.csv`, `foerderschwerpunkte.csv`, `haushaltsjahre.csv`),
/// typed as the other sheets are. Counts of people only through `YearReport.count(area:cell:)`
/// and `projectCount(_:)`, so a `*` stands exactly where the CSV has one; Inklusion takes its
/// three counts from `kreise.csv`'s columns and shows a share only where both of its counts are
/// published, as `bericht.md` does.
extension WorkbookReport {
    func projekte(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Projekte") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(
            [
                "AGS", "Name", "Projekt", "Titel", "Träger", "Maßnahmenart", "Förderschwerpunkt", "Bescheid am", "Bewilligt",
                "Ausgegeben", "Abfluss der Bewilligung", "Teilnehmende", "Geplante Plätze", "Besetzung",
            ], numericColumns: 8..<14)
        let names = Dictionary(report.areas.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (index, project) in report.projects.enumerated() {
            let published = report.projectCount(index)
            let besetzung: WorkbookCell
            if let plan = project.plaetzeGeplant {
                besetzung = published.map { .percent(Percentage.tenths(of: $0, per: plan)) } ?? .suppressed
            } else {
                besetzung = .empty
            }
            writer.row(
                [
                    .key(project.ags), .text(names[project.ags] ?? ""), .key(String(project.id)), .text(project.titel),
                    project.traeger.map { .text($0) } ?? .empty, .text(report.massnahmenarten[project.massnahmenart].code),
                    project.foerderschwerpunkt.map { .text(report.foerderschwerpunkte[$0].code) } ?? .empty,
                    project.bescheidAm.map { .text($0.description) } ?? .empty, .euro(project.bewilligt), .euro(project.ausgegeben),
                    .percent(Percentage.tenths(of: project.ausgegeben, per: project.bewilligt)), .count(published),
                    project.plaetzeGeplant.map { .plainCount($0) } ?? .empty, besetzung,
                ], kind: .plain)
        }
        writer.finish(widths: [7, 26, 9, 44, 30, 13, 17, 12, 16, 16, 12, 13, 10, 11], frozenColumns: 3)
    }

    func budgetaenderungen(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Budgetänderungen") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(["AGS", "Name", "Wirksam am", "Betrag", "Grund"], numericColumns: 3..<4)
        let names = Dictionary(report.areas.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        for change in report.budgetAenderungen {
            writer.row(
                [
                    .key(change.ags), .text(names[change.ags] ?? ""), change.wirksamAm.map { .text($0.description) } ?? .empty,
                    .euro(change.betrag), change.grund.map { .text($0) } ?? .empty,
                ], kind: .plain)
        }
        writer.finish(widths: [7, 28, 12, 16, 70], frozenColumns: 2)
    }

    /// The previous cohort at the same day one year earlier (`vorjahr.csv`); no sheet without one.
    func vorjahr(_ workbook: XLSXWorkbook) {
        guard let vergleich = report.vorjahr, let sheet = workbook.addSheet("Vorjahr") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        let j = String(vergleich.jahr)
        let v = "\(vergleich.vorjahr) (zum \(vergleich.vorjahrStichtag.german))"
        writer.header(
            ["Ebene", "AGS", "Name", "Vergleichbar", "Grund"]
                + ["Budget", "Bewilligt", "Ausgegeben"].flatMap {
                    ["\($0) \(j)", "\($0) \(v)", "\($0): Veränderung", "\($0): Veränderung in %"]
                }
                + ["Mittelabfluss \(j)", "Mittelabfluss \(v)", "Mittelabfluss: Veränderung in Prozentpunkten"]
                + ["Teilnehmende \(j)", "Teilnehmende \(v)", "Teilnehmende: Veränderung"], numericColumns: 5..<23)
        for zeile in vergleich.zeilen {
            let a = zeile.aktuell
            let b = zeile.vorjahr
            var cells: [WorkbookCell] = [
                .text(zeile.area.ebene.rawValue), .key(zeile.area.key), .text(zeile.area.name),
                .text(zeile.vergleichbarkeit.istVergleichbar ? "ja" : "nein"),
                zeile.vergleichbarkeit.grund.isEmpty ? .empty : .text(zeile.vergleichbarkeit.grund),
            ]
            cells += money(a?.budget, b?.budget, zeile.budget, base: zeile.vergleichsVorjahr?.budget)
            cells += money(a?.bewilligt, b?.bewilligt, zeile.bewilligt, base: zeile.vergleichsVorjahr?.bewilligt)
            cells += money(a?.ausgegeben, b?.ausgegeben, zeile.ausgegeben, base: zeile.vergleichsVorjahr?.ausgegeben)
            cells += [.percent(a?.abflussPromille), .percent(b?.abflussPromille), change(zeile.abflussPunkte) { .percentagePoints($0) }]
            cells += [a.map { .count($0.teilnehmende) } ?? .empty, b.map { .count($0.teilnehmende) } ?? .empty]
            cells.append(change(zeile.teilnehmende) { .plainCount($0) })
            writer.row(cells, kind: WorkbookRowKind(zeile.area.ebene), nameColumn: 2)
        }
        writer.finish(widths: [16, 7, 30, 12, 40] + Array(repeating: 16, count: 12) + [12, 12, 14, 13, 13, 13], frozenColumns: 3)
    }

    private func money(_ new: Cents?, _ old: Cents?, _ change: Veraenderung<Cents>, base: Cents?) -> [WorkbookCell] {
        [.euro(new), .euro(old), self.change(change) { .euro($0) }, .percent(VorjahrZeile.prozent(change, of: base))]
    }

    /// A change as `vorjahr.csv` has it: its value, `*` where a count it comes from is
    /// withheld, empty where there is nothing to compare.
    private func change<Value>(_ change: Veraenderung<Value>, _ cell: (Value) -> WorkbookCell) -> WorkbookCell {
        switch change {
        case .wert(let value): cell(value)
        case .gesperrt: .suppressed
        case .nichtVergleichbar, .fehlt: .empty
        }
    }

    func foerderschwerpunkte(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Förderschwerpunkte") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(
            ["Ebene", "AGS", "Name", "Förderschwerpunkt", "Projekte", "Bewilligt", "Ausgegeben", "Teilnehmende", "Bezeichnung"],
            numericColumns: 4..<8)
        let format = MarkdownFigures(report: report)
        for (index, area) in report.areas.enumerated() {
            for position in 0...report.foerderschwerpunkte.count {
                let figures = report.figures[index].foerderschwerpunkte[position]
                let isOhne = position == report.foerderschwerpunkte.count
                writer.row(
                    [
                        .text(area.ebene.rawValue), .key(area.key), .text(area.name),
                        .text(isOhne ? Suppression.ohneFoerderschwerpunkt : report.foerderschwerpunkte[position].code),
                        .plainCount(figures.projekte), .euro(figures.bewilligt), .euro(figures.ausgegeben),
                        .count(report.count(area: index, cell: format.foerderschwerpunktCell(position))),
                        .text(format.foerderschwerpunktName(position)),
                    ], kind: WorkbookRowKind(area.ebene), nameColumn: 2)
            }
        }
        writer.finish(widths: [16, 7, 30, 22, 10, 17, 17, 13, 60], frozenColumns: 4)
    }

    func haushaltsjahre(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Haushaltsjahre") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(["Ebene", "AGS", "Name", "Haushaltsjahr (Buchungsjahr)", "Ausgegeben"], numericColumns: 4..<5)
        for (index, area) in report.areas.enumerated() {
            for entry in report.figures[index].haushaltsjahre {
                writer.row(
                    [
                        .text(area.ebene.rawValue), .key(area.key), .text(area.name),
                        .text(entry.jahr.map(String.init) ?? Haushaltsjahr.ohneJahr), .euro(entry.ausgegeben),
                    ], kind: WorkbookRowKind(area.ebene), nameColumn: 2)
            }
        }
        writer.finish(widths: [16, 7, 30, 16, 17], frozenColumns: 3)
    }

    func inklusion(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Inklusion") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(
            ["Ebene", "AGS", "Name", "Teilnehmende", "mit Behinderung", "Anteil", "Angabe zur Behinderung fehlt", "Anteil"],
            numericColumns: 3..<8)
        let layout = report.layout
        for (index, area) in report.areas.enumerated() {
            let total = report.count(area: index, cell: layout.total)
            let cells: [WorkbookCell] = [layout.mitBehinderung, layout.behinderungUnbekannt].flatMap { cell -> [WorkbookCell] in
                let part = report.count(area: index, cell: cell)
                // A share beside a `*` would give the `*` away.
                guard let part, let total else { return [.count(part), .suppressed] }
                return [.count(part), .percent(Percentage.tenths(of: part, per: total))]
            }
            writer.row(
                [.text(area.ebene.rawValue), .key(area.key), .text(area.name), .count(total)] + cells, kind: WorkbookRowKind(area.ebene),
                nameColumn: 2)
        }
        writer.finish(widths: [16, 7, 30, 13, 15, 9, 15, 9], frozenColumns: 3)
    }
}

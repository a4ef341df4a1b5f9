/// `bericht.xlsx`: the report as an Excel workbook, one sheet per table, cells typed.
///
/// Analysts open the CSV files in Excel, where a double click turns `06411` into `6411`. Here keys
/// are text cells, amounts numbers in euro format, shares percentages, counts integers and `*` a
/// text; the values are the CSV files' values, under the same suppression (counts only through
/// `YearReport.count(area:cell:)`, a Rechtskreis's share withheld where its count is).
///
/// Same data, same bytes: the workbook holds no clock time. Its creation date is the Stichtag
/// and its *Datenstand* the newest booking; the snapshot and writing times are in the manifest.
public struct WorkbookReport {
    public static let fileName = "bericht.xlsx"

    public let report: YearReport
    public let context: ReportContext

    public init(report: YearReport, context: ReportContext) {
        self.report = report
        self.context = context
    }

    public var title: String { "AQB \(report.year): Bericht zum Stichtag \(report.asOf.german)" }

    /// Labelled as in `bericht.md`: the newest booking the figures count, and the database's.
    var datenstand: String {
        let counted = report.newestCountedBooking.map { "neueste gezählte Buchung vom \($0.german)" } ?? "keine gezählte Buchung"
        let database = context.neuesteBuchung.map { ", neueste Buchung in der Datenbank vom \($0.german)" } ?? ""
        return counted + database
    }

    /// The workbook's bytes in memory (tests).
    public func bytes() throws(ReportError) -> [UInt8] {
        let writer = FileWriter.memory(WorkbookReport.fileName)
        try workbook().copy(to: writer)
        return writer.bytes
    }

    /// Writes `bericht.xlsx` into `files`: libxlsxwriter writes its own temporary file, which is
    /// copied into the folder piece by piece rather than read into memory first.
    public func write(into files: inout some FileSink) throws(ReportError) {
        let workbook = try workbook()
        let writer = try files.create(WorkbookReport.fileName)
        try workbook.copy(to: writer)
        try files.finish(writer, name: WorkbookReport.fileName, record: true)
    }

    /// Every sheet written; the workbook still to be closed (`XLSXWorkbook.copy`).
    private func workbook() throws(ReportError) -> XLSXWorkbook {
        let workbook = try XLSXWorkbook(properties: properties)
        hessen(workbook)
        kreise(workbook)
        massnahmenarten(workbook)
        rechtskreise(workbook)
        foerderschwerpunkte(workbook)
        projekte(workbook)
        budgetaenderungen(workbook)
        haushaltsjahre(workbook)
        inklusion(workbook)
        vorjahr(workbook)
        auffaelligkeiten(workbook)
        erlaeuterungen(workbook)
        return workbook
    }

    var properties: XLSXWorkbook.Properties {
        let geheimhaltung = report.disclosureControl ? "angewandt" : "abgeschaltet: nur für den internen Gebrauch"
        return XLSXWorkbook.Properties(
            title: title, subject: "Ausbildungs- und Qualifizierungsbudget (AQB) Hessen, Kohorte \(report.year)",
            keywords: "AQB, \(report.year), Stichtag \(report.asOf.description)",
            comments:
                "Stichtag \(report.asOf.german); Zähltag (Personen) \(report.zaehltag.german); Datenstand: \(datenstand); Geheimhaltung \(geheimhaltung).",
            status: report.disclosureControl ? "" : "Nur für den internen Gebrauch",
            created: report.asOf.dayNumber * 86_400,
            custom: [
                ("AQB-Jahr", String(report.year)), ("Stichtag", report.asOf.description),
                ("Zähltag", report.zaehltag.description), ("Datenstand", datenstand),
                ("Geheimhaltung", geheimhaltung),
            ])
    }

    func hessen(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Hessen"), let land = report.areas.firstIndex(where: { $0.ebene == .land }) else { return }
        // What must not be overlooked (an internal report, a stale feed) comes first, bold and in
        // the charts' warning colour.
        var notices: [String] = []
        if !report.disclosureControl {
            notices.append(
                "Nur für den internen Gebrauch. Ohne Geheimhaltung: kleine Fallzahlen sind nicht unterdrückt; nicht weitergeben.")
        }
        notices += context.warnings.map { "Warnung: \($0)" }
        let lines = [
            "Ausbildungs- und Qualifizierungsbudget, Kohorte \(report.year): alle Projekte des AQB-Jahres \(report.year) mit allen Buchungen bis zum \(report.asOf.german).",
            "Datenstand: \(datenstand). Zeichen und Methodik: Blatt „Erläuterungen“.",
        ]
        workbook.write(sheet, row: 0, column: 0, .text(title), XLSXWorkbook.Style(bold: true, fontSize: 14))
        let notice = XLSXWorkbook.Style(bold: true, fontColour: 0xD55E00)
        for (offset, line) in notices.enumerated() { workbook.write(sheet, row: 1 + offset, column: 0, .text(line), notice) }
        for (offset, line) in lines.enumerated() { workbook.write(sheet, row: 1 + notices.count + offset, column: 0, .text(line)) }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet, headerRow: notices.count + lines.count + 2)
        writer.header(["Kennzahl", "Hessen"], numericColumns: 1..<2)
        let figures = report.figures[land]
        let rows: [(String, WorkbookCell)] =
            [
                ("Budget vereinbart", .euro(figures.budgetVereinbart)), ("Budgetänderungen", .euro(figures.budgetAenderungen)),
                ("Budget", .euro(figures.budget)), ("Bewilligt", .euro(figures.bewilligt)), ("Ausgegeben", .euro(figures.ausgegeben)),
                ("Rest", .euro(figures.rest)), ("Mittelabfluss", .percent(figures.abflussPromille)),
                ("Projekte", .plainCount(figures.projekte)),
                ("Teilnehmende (Eintritte)", .count(report.count(area: land, cell: report.layout.total))),
            ]
            + Geschlecht.allCases.enumerated().map { position, geschlecht in
                ("davon \(geschlecht.label)", .count(report.count(area: land, cell: report.layout.geschlecht(position))))
            }
        for (label, value) in rows { writer.row([.text(label), value], kind: .plain) }
        writer.finish(widths: [28, 20], frozenColumns: 0)
    }

    func kreise(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Kreise") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(
            [
                "Ebene", "AGS", "Name", "Budget vereinbart", "Budgetänderungen", "Budget", "Bewilligt", "Ausgegeben", "Rest",
                "Mittelabfluss", "Projekte", "Teilnehmende",
            ] + Geschlecht.allCases.map { "davon \($0.label)" } + [
                "Art", "mit Behinderung", "Behinderung unbekannt", "Teilnahmen aktiv am Stichtag", "Bewilligungsquote",
                "Bewilligt, nicht ausgegeben", "Geplante Plätze", "Projekte ohne Plan",
            ], numericColumns: 3..<(12 + Geschlecht.allCases.count))
        let layout = report.layout
        for (index, area) in report.areas.enumerated() {
            let figures = report.figures[index]
            let cells: [WorkbookCell] =
                [
                    .text(area.ebene.rawValue), .key(area.key), .text(area.name), .euro(figures.budgetVereinbart),
                    .euro(figures.budgetAenderungen), .euro(figures.budget), .euro(figures.bewilligt), .euro(figures.ausgegeben),
                    .euro(figures.rest), .percent(figures.abflussPromille), .plainCount(figures.projekte),
                    .count(report.count(area: index, cell: layout.total)),
                ] + Geschlecht.allCases.indices.map { .count(report.count(area: index, cell: layout.geschlecht($0))) }
                + [area.art.isEmpty ? .empty : .text(area.art)]
                + [layout.mitBehinderung, layout.behinderungUnbekannt, layout.aktiv].map { .count(report.count(area: index, cell: $0)) }
                + [
                    .percent(figures.bewilligtPromille), .euro(figures.bewilligtNichtAusgegeben), .plainCount(figures.plaetzeGeplant),
                    .plainCount(figures.projekteOhnePlan),
                ]
            writer.row(cells, kind: WorkbookRowKind(area.ebene), nameColumn: 2)
        }
        writer.finish(
            widths: [16, 7, 30] + Array(repeating: 17, count: 6) + [13, 10, 13] + Array(repeating: 16, count: 4) + [18]
                + Array(repeating: 16, count: 7), frozenColumns: 3)
    }

    func massnahmenarten(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Maßnahmenarten") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(
            [
                "Ebene", "AGS", "Name", "Maßnahmenart", "Projekte", "Bewilligt", "Ausgegeben", "Teilnehmende", "Geplante Plätze",
                "Projekte ohne Plan", "Bezeichnung",
            ],
            numericColumns: 4..<10)
        for (index, area) in report.areas.enumerated() {
            for (position, art) in report.massnahmenarten.enumerated() {
                let figures = report.figures[index].massnahmenarten[position]
                writer.row(
                    [
                        .text(area.ebene.rawValue), .key(area.key), .text(area.name), .text(art.code), .plainCount(figures.projekte),
                        .euro(figures.bewilligt), .euro(figures.ausgegeben),
                        .count(report.count(area: index, cell: report.layout.massnahmenart(position))), .plainCount(figures.plaetzeGeplant),
                        .plainCount(figures.projekteOhnePlan), .text(art.bezeichnung),
                    ], kind: WorkbookRowKind(area.ebene), nameColumn: 2)
            }
        }
        writer.finish(widths: [16, 7, 30, 14, 10, 17, 17, 13, 14, 14, 60], frozenColumns: 4)
    }

    func rechtskreise(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Rechtskreise") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(["Ebene", "AGS", "Name", "Rechtskreis", "Teilnehmende", "Bezeichnung"], numericColumns: 4..<5)
        for (index, area) in report.areas.enumerated() {
            let kind = WorkbookRowKind(area.ebene)
            for (position, kreis) in report.rechtskreise.enumerated() {
                let count = report.count(area: index, cell: report.layout.rechtskreis(position))
                writer.row(
                    [
                        .text(area.ebene.rawValue), .key(area.key), .text(area.name), .text(kreis.code), .count(count),
                        .text(kreis.bezeichnung),
                    ],
                    kind: kind, nameColumn: 2)
            }
        }
        writer.finish(widths: [16, 7, 30, 16, 13, 60], frozenColumns: 4)
    }

    /// The legend and Methodik of `bericht.md`, as plain text (rendered by cmark-gfm), one line
    /// per cell so nothing depends on Excel wrapping or row heights.
    func erlaeuterungen(_ workbook: XLSXWorkbook) {
        guard let sheet = workbook.addSheet("Erläuterungen") else { return }
        let markdown = MarkdownReport(report: report, context: context)
        var row = 0
        workbook.write(sheet, row: row, column: 0, .text("Erläuterungen"), XLSXWorkbook.Style(bold: true, fontSize: 14))
        row += 2
        for section in [markdown.legend, markdown.methodik] {
            var lines = section.split(separator: "\n", omittingEmptySubsequences: false)
            if let first = lines.first, first.hasPrefix("## ") {
                workbook.write(sheet, row: row, column: 0, .text(String(first.dropFirst(3))), XLSXWorkbook.Style(bold: true, fontSize: 12))
                row += 1
                lines.removeFirst()
            }
            let text = CommonMark.plainText(lines.joined(separator: "\n"), width: 120)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if !line.isEmpty { workbook.write(sheet, row: row, column: 0, .text(String(line))) }
                row += 1
            }
            row += 1
        }
        workbook.setColumns(sheet, 0...0, width: 130)
        workbook.preparePrint(sheet, headerRow: nil)
    }
}

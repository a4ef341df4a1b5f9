extension WorkbookReport {
    /// The sheet "Auffälligkeiten": the rows of `auffaelligkeiten.csv` with the area's name, keys
    /// as text. Written only when the findings were read.
    func auffaelligkeiten(_ workbook: XLSXWorkbook) {
        guard let findings = report.findings, let sheet = workbook.addSheet("Auffälligkeiten") else { return }
        var writer = WorkbookSheetWriter(workbook: workbook, sheet: sheet)
        writer.header(["Schwere", "Regel", "AGS", "Gebiet", "Projekt", "Beschreibung"], numericColumns: 0..<0)
        let names = Dictionary(report.areas.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        for finding in Finding.ordered(findings) {
            writer.row(
                [
                    .text(finding.schwere.rawValue), .text(finding.regel.code), finding.ags.isEmpty ? .empty : .key(finding.ags),
                    .text(finding.ags.isEmpty ? "Hessen" : names[finding.ags] ?? finding.ags),
                    finding.projektId.map { .key(String($0)) } ?? .empty, .text(finding.beschreibung),
                ], kind: .plain)
        }
        writer.finish(widths: [10, 36, 7, 30, 10, 140], frozenColumns: 2)
    }
}

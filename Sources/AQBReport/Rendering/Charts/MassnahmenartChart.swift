/// Spending per Maßnahmenart in Hessen: one bar per Maßnahmenart, in its palette colour.
///
/// Money only: no count, nothing to suppress. Negative spending (repayments above the bookings)
/// draws no bar but shows its amount.
struct MassnahmenartChart {
    let report: YearReport

    static let fileName = "grafik-massnahmenarten.svg"

    var chart: SVGChart {
        let land = report.areas.firstIndex { $0.ebene == .land }
        let amounts = report.massnahmenarten.indices.map { position in
            land.map { report.figures[$0].massnahmenarten[position].ausgegeben } ?? .zero
        }
        let labelWidth = (report.massnahmenarten.map { SVGDocument.textWidth($0.code, bold: true) }.max() ?? 0) + 24
        let amountWidth = (amounts.map { SVGDocument.textWidth(NumberFormat.euro($0)) }.max() ?? 0) + 10
        let width = 760
        let plotLeft = labelWidth
        let plotWidth = width - plotLeft - amountWidth
        let largest = max(amounts.map(\.value).max() ?? 0, 1)
        let top = 30
        let rowHeight = 26
        var document = SVGDocument(id: "massnahmenarten", width: width, height: 0)
        document.text("Ausgegeben nach Maßnahmenart, Hessen", x: 0, y: 16, bold: true, size: 14)
        var sentences: [String] = []
        for (position, art) in report.massnahmenarten.enumerated() {
            let y = top + position * rowHeight
            let amount = amounts[position]
            let barWidth = Int(max(amount.value, 0) * Int64(plotWidth) / largest)
            document.text(art.code, x: plotLeft - 8, y: y + 16, anchor: .end, bold: true)
            document.rect(
                x: plotLeft, y: y + 4, width: barWidth, height: 16, fill: ChartPalette.category(position).fill,
                label: "\(art.bezeichnung): \(NumberFormat.euro(amount))")
            document.text(NumberFormat.euro(amount), x: plotLeft + barWidth + 5, y: y + 16)
            sentences.append("\(art.code) (\(art.bezeichnung)) \(NumberFormat.euro(amount))")
        }
        // Key: code and full name, one line each, in the bar's colour.
        var y = top + report.massnahmenarten.count * rowHeight + 12
        for (position, art) in report.massnahmenarten.enumerated() {
            document.rect(x: plotLeft, y: y, width: 12, height: 12, fill: ChartPalette.category(position).fill, stroke: "#595959")
            document.text("\(art.code): \(art.bezeichnung)", x: plotLeft + 18, y: y + 11)
            y += 18
        }
        document.setHeight(y + 6)
        let title = "Ausgegeben nach Maßnahmenart, Hessen, AQB \(report.year), Stichtag \(report.asOf.german)"
        return SVGChart(
            fileName: Self.fileName,
            caption: "Ausgaben der Kohorte \(report.year) bis zum Stichtag nach Maßnahmenart, Hessen insgesamt.",
            svg: document.svg(title: title, description: "Balkendiagramm: " + sentences.joined(separator: "; ") + "."))
    }
}

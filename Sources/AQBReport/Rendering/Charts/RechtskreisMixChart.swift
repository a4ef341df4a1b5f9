/// The mix of Rechtskreise among the participants of Hessen and each Regierungsbezirk.
///
/// One 100 % bar per area, a segment per Rechtskreis. Counts come only through
/// `YearReport.count(area:cell:)`: a suppressed Rechtskreis gets no segment of its own; together
/// the suppressed ones form one hatched segment "gesperrt", whose size (total minus the published
/// cells) any reader of the CSV can compute already. Without a published total the bar is not
/// drawn.
struct RechtskreisMixChart {
    let report: YearReport

    static let fileName = "grafik-rechtskreise.svg"

    var chart: SVGChart {
        let areas = report.areas.indices.filter { report.areas[$0].ebene != .kreis }
        let labelWidth = (areas.map { SVGDocument.textWidth(report.areas[$0].name, bold: true) }.max() ?? 0) + 24
        let width = 760
        let plotLeft = labelWidth
        let plotWidth = width - plotLeft - 10
        let top = 30
        let rowHeight = 34
        var document = SVGDocument(id: "rechtskreise", width: width, height: 0)
        document.defineHatch()
        document.text("Teilnehmende nach Rechtskreis", x: 0, y: 16, bold: true, size: 14)
        var anyWithheld = false
        var sentences: [String] = []
        for (position, index) in areas.enumerated() {
            let area = report.areas[index]
            let y = top + position * rowHeight
            document.text(area.name, x: plotLeft - 8, y: y + 16, anchor: .end, bold: true)
            guard let total = report.count(area: index, cell: report.layout.total) else {
                document.rect(x: plotLeft, y: y + 2, width: plotWidth, height: 22, fill: document.hatch, label: "Gesamtzahl gesperrt")
                document.text("Gesamtzahl gesperrt (*)", x: plotLeft + 6, y: y + 17)
                anyWithheld = true
                sentences.append("\(area.name): Gesamtzahl gesperrt")
                continue
            }
            let counts = report.rechtskreise.indices.map { report.count(area: index, cell: report.layout.rechtskreis($0)) }
            let published = counts.compactMap { $0 }.reduce(0, +)
            let whole = max(total, published)
            guard whole > 0 else {
                document.text("keine Teilnehmenden", x: plotLeft + 6, y: y + 17, fill: ChartPalette.axis)
                sentences.append("\(area.name): keine Teilnehmenden")
                continue
            }
            var cumulative = 0
            var parts: [String] = []
            func segment(_ value: Int, fill: String, textColour: String, name: String) {
                let x0 = plotLeft + cumulative * plotWidth / whole
                cumulative += value
                let x1 = plotLeft + cumulative * plotWidth / whole
                let share = ChartText.percent(ChartText.shareTenths(value, of: whole))
                document.rect(
                    x: x0, y: y + 2, width: x1 - x0, height: 22, fill: fill,
                    label: "\(area.name), \(name): \(NumberFormat.count(value)) (\(share))")
                if x1 - x0 >= SVGDocument.textWidth(share, size: 11) + 6 {
                    document.text(share, x: (x0 + x1) / 2, y: y + 17, anchor: .middle, fill: textColour, size: 11)
                }
                parts.append("\(name) \(NumberFormat.count(value)) (\(share))")
            }
            for (position, kreis) in report.rechtskreise.enumerated() {
                guard let count = counts[position], count > 0 else { continue }
                let colour = ChartPalette.category(position)
                segment(count, fill: colour.fill, textColour: colour.text, name: kreis.code)
            }
            if whole - published > 0 {
                anyWithheld = true
                segment(whole - published, fill: document.hatch, textColour: "#000000", name: "gesperrt")
            }
            sentences.append("\(area.name), \(NumberFormat.count(whole)) Teilnehmende: " + parts.joined(separator: ", "))
        }
        // Legend: a square and the code per Rechtskreis, wrapped to the width.
        var legendX = plotLeft
        var legendY = top + areas.count * rowHeight + 8
        var items = report.rechtskreise.enumerated().map { (label: $1.code, fill: ChartPalette.category($0).fill) }
        if anyWithheld { items.append((label: "gesperrt (*)", fill: document.hatch)) }
        for item in items {
            let itemWidth = 18 + SVGDocument.textWidth(item.label) + 16
            if legendX + itemWidth > width {
                legendX = plotLeft
                legendY += 20
            }
            document.rect(x: legendX, y: legendY, width: 12, height: 12, fill: item.fill, stroke: "#595959")
            document.text(item.label, x: legendX + 18, y: legendY + 11)
            legendX += itemWidth
        }
        document.setHeight(legendY + 22)
        let title = "Teilnehmende nach Rechtskreis, AQB \(report.year), Stichtag \(report.asOf.german)"
        let description =
            "Gestapelte Balken, je Gebiet 100 Prozent der Teilnehmenden, aufgeteilt nach Rechtskreis. " + sentences.joined(separator: ". ")
            + "."
        return SVGChart(
            fileName: Self.fileName,
            caption:
                "Anteile der Rechtskreise an den Teilnehmenden (Eintritte) in Hessen und den Regierungsbezirken. Schraffiert: gesperrte Fallzahlen zusammen (Geheimhaltung).",
            svg: document.svg(title: title, description: description))
    }
}

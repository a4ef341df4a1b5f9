/// Mittelabfluss per area against the share of the AQB year that has passed at the Stichtag.
///
/// A bar per area (Hessen, each Regierungsbezirk, its Kreise indented below it) shows spent ÷
/// budget; the dashed line shows where spending would stand if it ran evenly through the
/// year J (100 % once the year is over, as spending of a cohort goes on for years). Areas
/// without a Zielvereinbarung show `–`. Money only: no count, nothing to suppress.
struct AbflussChart {
    let report: YearReport

    static let fileName = "grafik-mittelabfluss.svg"

    /// The share of the year J passed at the Stichtag, in tenths of a percent (0 to 1000).
    var proRataTenths: Int { Self.proRataTenths(year: report.year, asOf: report.asOf) }

    /// The share of the calendar year `year` passed at the end of the day `asOf`, in tenths of a
    /// percent: 0 before the year, 1000 after it.
    static func proRataTenths(year: Int, asOf: CalendarDate) -> Int {
        guard let start = CalendarDate(year: year, month: 1, day: 1), let end = CalendarDate(year: year + 1, month: 1, day: 1)
        else { return 1000 }
        let days = end.daysSince(start)
        let elapsed = min(max(asOf.daysSince(start) + 1, 0), days)
        return ChartText.shareTenths(elapsed, of: days)
    }

    /// The axis end and tick step in tenths of a percent: at least 100 %, steps of 1, 2, 2.5 or 5
    /// times a power of ten, and so far apart that no two tick labels overlap, however far a
    /// tiny budget drives the largest share.
    static func axis(largest: Int, plotWidth: Int) -> (end: Int, step: Int) {
        var magnitude = 100
        var step = 100
        while true {
            for factor in [1, 2, 5, 10] where factor * magnitude >= step {
                let candidate = factor * magnitude
                let end = max(1000, (largest + candidate - 1) / candidate * candidate)
                if plotWidth * candidate / end >= SVGDocument.textWidth(ChartText.tick(end)) + 4 { return (end, candidate) }
            }
            magnitude *= 10
            step = magnitude
        }
    }

    /// A Kreis is named with its AGS: two areas are called Kassel (the city and the Landkreis).
    static func label(_ area: Area) -> String { area.ebene == .kreis ? "\(area.name) (\(area.key))" : area.name }

    var chart: SVGChart {
        let rows = report.areas.indices.map { index in
            (area: report.areas[index], tenths: report.figures[index].abflussPromille)
        }
        let indent = 14
        let labelWidth =
            (rows.map { SVGDocument.textWidth(Self.label($0.area), bold: $0.area.ebene != .kreis) + ($0.area.ebene == .kreis ? indent : 0) }
                .max() ?? 0) + 12
        let valueWidth = (rows.compactMap(\.tenths).map { SVGDocument.textWidth(ChartText.percent($0), bold: true) }.max() ?? 0) + 10
        let width = max(720, labelWidth + 420 + valueWidth)
        let plotLeft = labelWidth
        let plotWidth = width - plotLeft - valueWidth
        // The axis ends at 200 % at most: one Kreis with a tiny budget must not squash every other
        // bar to a line. A longer bar runs to the end of the axis and its label tells the value.
        let largest = min(rows.compactMap(\.tenths).max() ?? 0, 2000)
        let (axisMax, step) = Self.axis(largest: largest, plotWidth: plotWidth)
        let top = 46
        let rowHeight = 18
        let plotBottom = top + rows.count * rowHeight
        var document = SVGDocument(id: "abfluss", width: width, height: plotBottom + 34)
        func x(_ tenths: Int) -> Int { plotLeft + min(max(tenths, 0), axisMax) * plotWidth / axisMax }

        for tick in stride(from: 0, through: axisMax, by: step) {
            document.line(x1: x(tick), y1: top - 4, x2: x(tick), y2: plotBottom, stroke: ChartPalette.grid)
            document.text(ChartText.tick(tick), x: x(tick), y: plotBottom + 16, anchor: .middle, fill: ChartPalette.axis)
        }
        for (position, row) in rows.enumerated() {
            let y = top + position * rowHeight
            let isSum = row.area.ebene != .kreis
            let labelX = plotLeft - 8 - (row.area.ebene == .kreis ? 0 : indent)
            document.text(Self.label(row.area), x: labelX, y: y + 13, anchor: .end, bold: isSum)
            guard let tenths = row.tenths else {
                document.text("–", x: plotLeft + 4, y: y + 13, fill: ChartPalette.axis)
                continue
            }
            let fill = row.area.ebene == .land ? ChartPalette.total : ChartPalette.bar
            let label = "\(row.area.name): \(ChartText.percent(tenths)) des Budgets ausgegeben"
            document.rect(x: plotLeft, y: y + 3, width: x(tenths) - plotLeft, height: 12, fill: fill, label: label)
            document.text(ChartText.percent(tenths), x: x(tenths) + 4, y: y + 13, bold: isSum)
        }
        let proRata = proRataTenths
        document.line(x1: x(proRata), y1: top - 10, x2: x(proRata), y2: plotBottom, stroke: ChartPalette.reference, width: 2, dashed: true)
        let marker = "anteilig am Stichtag: \(ChartText.percent(proRata))"
        let markerAnchor: SVGDocument.Anchor = x(proRata) + SVGDocument.textWidth(marker) / 2 > width ? .end : .middle
        document.text(marker, x: x(proRata), y: top - 16, anchor: markerAnchor, fill: ChartPalette.reference)
        document.text("Mittelabfluss (Ausgegeben ÷ Budget)", x: 0, y: 16, bold: true, size: 14)
        document.line(x1: plotLeft, y1: top - 4, x2: plotLeft, y2: plotBottom, stroke: ChartPalette.axis)

        let title = "Mittelabfluss je Gebiet, AQB \(report.year), Stichtag \(report.asOf.german)"
        let values = rows.map { "\($0.area.name) \($0.tenths.map(ChartText.percent) ?? "keine Zielvereinbarung")" }
        let description =
            "Balkendiagramm: ausgegebener Anteil des Budgets je Gebiet; gestrichelte Linie: zeitanteiliger Soll-Wert am Stichtag, \(ChartText.percent(proRata)). "
            + values.joined(separator: "; ") + "."
        return SVGChart(
            fileName: Self.fileName,
            caption:
                "Mittelabfluss je Gebiet. Gestrichelt: der Anteil des Jahres \(report.year), der am Stichtag vergangen ist (\(ChartText.percent(proRata))); gleichmäßiger Abfluss läge auf der Linie. – : keine Zielvereinbarung oder Budget 0.",
            svg: document.svg(title: title, description: description))
    }
}

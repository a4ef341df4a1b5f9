/// What the morning mail shows of one year's report: its days, the findings by severity and the
/// key figures of Hessen and the Regierungsbezirke, as published.
///
/// Why a digest and not the report: the run stages one year after another and lets each year's
/// report go once its folder is staged, so that memory does not grow with the number of years.
/// The mail is put together after all years are published, and it needs a few dozen values of
/// each, not every project of every cohort.
public struct MailDigest: Sendable {
    public let year: Int
    public let asOf: CalendarDate
    /// The counting day of the counts of people.
    public let zaehltag: CalendarDate
    /// Hessen's spending as a share of its budget, in tenths of a percent (`nil`: no budget).
    public let abflussPromille: Int?
    /// How many findings of each severity the year has (`nil`: the findings were not read).
    public let findings: [Schwere: Int]?
    /// Hessen and each Regierungsbezirk, in the report's order.
    let rows: [MorningMail.Row]

    /// All findings of the year, for the subject's count (`nil`: not read).
    public var findingCount: Int? { findings.map { $0.values.reduce(0, +) } }

    /// The digest of a report as published: counts of people from `count(area:cell:)`, so `*`
    /// where the files have `*`.
    public init(_ report: YearReport) {
        year = report.year
        asOf = report.asOf
        zaehltag = report.zaehltag
        abflussPromille = report.areas.firstIndex { $0.ebene == .land }.flatMap { report.figures[$0].abflussPromille }
        findings = report.findings.map { all in Dictionary(all.map { ($0.schwere, 1) }, uniquingKeysWith: +) }
        rows = report.areas.indices.filter { report.areas[$0].ebene != .kreis }.map { index in
            let figures = report.figures[index]
            return MorningMail.Row(
                name: report.areas[index].name,
                budget: figures.budget.map(NumberFormat.euro) ?? "–",
                bewilligt: NumberFormat.euro(figures.bewilligt),
                ausgegeben: NumberFormat.euro(figures.ausgegeben),
                abfluss: figures.abflussPromille.map(NumberFormat.percent) ?? "–",
                // The published value: `*` where disclosure control withholds it.
                teilnehmende: report.count(area: index, cell: 0).map(NumberFormat.count) ?? "*")
        }
    }
}

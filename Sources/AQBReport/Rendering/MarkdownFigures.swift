/// The published figures of one report, formatted for reading: what `bericht.md` and the county
/// sheets share, so that both show exactly the same values and the same `*`.
///
/// A share of a count is shown only when both the count and the whole are published: a share
/// beside a `*` would give the `*` away.
struct MarkdownFigures {
    let report: YearReport

    func euro(_ value: Cents?) -> String { value.map(NumberFormat.euro) ?? MarkdownReport.dash }

    func percent(_ tenths: Int?) -> String { tenths.map(NumberFormat.percent) ?? MarkdownReport.dash }

    func count(_ area: Int, _ cell: Int) -> String {
        report.count(area: area, cell: cell).map(NumberFormat.count) ?? Suppression.symbol
    }

    /// `cell` as a share of the area's total participations.
    func share(_ area: Int, _ cell: Int) -> String {
        guard let part = report.count(area: area, cell: cell), let total = report.count(area: area, cell: report.layout.total) else {
            return Suppression.symbol
        }
        return percent(Percentage.tenths(of: part, per: total))
    }

    func projectCount(_ index: Int) -> String { report.projectCount(index).map(NumberFormat.count) ?? Suppression.symbol }

    /// Entries per planned place of a project: `*` where its count is, `–` without a plan.
    func projectOccupancy(_ index: Int) -> String {
        guard let plan = report.projects[index].plaetzeGeplant else { return MarkdownReport.dash }
        guard let count = report.projectCount(index) else { return Suppression.symbol }
        return percent(Percentage.tenths(of: count, per: plan))
    }

    /// Entries per planned place of a group (an area, or a Maßnahmenart of one): only where every
    /// project of the group names its places; `*` where the count is withheld.
    func occupancy(_ area: Int, _ cell: Int, plaetze: Int, ohnePlan: Int) -> String {
        guard ohnePlan == 0, plaetze > 0 else { return MarkdownReport.dash }
        guard let count = report.count(area: area, cell: cell) else { return Suppression.symbol }
        return percent(Percentage.tenths(of: count, per: plaetze))
    }

    /// The planned places of a group, noting the projects without a plan.
    func places(_ plaetze: Int, withoutPlan: Int) -> String {
        let text = NumberFormat.count(plaetze)
        return withoutPlan == 0 ? text : "\(text) (\(withoutPlan) ohne Plan)"
    }

    /// The name a Förderschwerpunkt row shows; the last row is the projects without one.
    func foerderschwerpunktName(_ position: Int) -> String {
        position < report.foerderschwerpunkte.count ? report.foerderschwerpunkte[position].bezeichnung : Suppression.ohneFoerderschwerpunkt
    }

    /// The cell of the Förderschwerpunkt row `position` (the last: projects without one).
    func foerderschwerpunktCell(_ position: Int) -> Int {
        report.layout.foerderschwerpunkt(position < report.foerderschwerpunkte.count ? position : nil)
    }

    /// The calendar years of booking any area of the report has, ascending (`nil`: no year).
    var haushaltsjahre: [Int?] {
        var years: [Int?] = []
        for figures in report.figures {
            for entry in figures.haushaltsjahre where !years.contains(entry.jahr) { years.append(entry.jahr) }
        }
        return years.sorted { ($0 ?? Int.min) < ($1 ?? Int.min) }
    }

    func spending(_ figures: Figures, haushaltsjahr: Int?) -> Cents {
        figures.haushaltsjahre.first { $0.jahr == haushaltsjahr }?.ausgegeben ?? .zero
    }
}

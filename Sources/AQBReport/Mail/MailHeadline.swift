/// The morning mail's subject: years, Stichtag and the one figure the analysts look for first,
/// Hessen's Mittelabfluss.
///
/// `AQB 2024, Stand 30.09.2024: 61,8 % abgeflossen`, with `, 3 Auffälligkeiten` once the
/// findings exist (`auffaelligkeiten`, `nil` until then) and `(intern)` after the years for a
/// report without disclosure control, so it can never pass for the published one.
public struct MailHeadline: Sendable {
    public var reports: [YearReport]
    public var disclosureControl: Bool
    /// Findings of the run; `nil`: none computed (the subject then says nothing about them).
    public var auffaelligkeiten: Int?

    public init(reports: [YearReport], disclosureControl: Bool, auffaelligkeiten: Int? = nil) {
        self.reports = reports
        self.disclosureControl = disclosureControl
        self.auffaelligkeiten = auffaelligkeiten
    }

    public var subject: String {
        let years = MailHeadline.enumeration(reports.map { String($0.year) })
        let asOf = reports.first?.asOf.german ?? ""
        let shares = MailHeadline.enumeration(reports.map { MailHeadline.abfluss($0).map(NumberFormat.percent) ?? "–" })
        var text = "AQB \(years)" + (disclosureControl ? "" : " (intern)") + ", Stand \(asOf): \(shares) abgeflossen"
        if let auffaelligkeiten {
            let findings =
                switch auffaelligkeiten {
                case 0: "keine Auffälligkeiten"
                case 1: "1 Auffälligkeit"
                default: "\(NumberFormat.count(auffaelligkeiten)) Auffälligkeiten"
                }
            text += ", " + findings
        }
        return text
    }

    /// Hessen's spending as a share of its budget, in tenths of a percent.
    static func abfluss(_ report: YearReport) -> Int? {
        report.areas.firstIndex { $0.ebene == .land }.flatMap { report.figures[$0].abflussPromille }
    }

    /// `a`, `a und b`, `a, b und c`.
    static func enumeration(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " und " + last
    }
}

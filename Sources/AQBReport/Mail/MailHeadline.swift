/// The morning mail's subject: years, Stichtag and the one figure the analysts look for first,
/// Hessen's Mittelabfluss.
///
/// `AQB 2024, Stand 30.09.2024: 61,8 % abgeflossen`, with `, 3 Auffälligkeiten` once the
/// findings exist (`auffaelligkeiten`, `nil` until then) and `(intern)` after the years for a
/// report without disclosure control, so it can never pass for the published one.
public struct MailHeadline: Sendable {
    /// One digest per year of the run, in the order of its folders.
    public var years: [MailDigest]
    public var disclosureControl: Bool
    /// Findings of the run; `nil`: none computed (the subject then says nothing about them).
    public var auffaelligkeiten: Int?

    public init(years: [MailDigest], disclosureControl: Bool, auffaelligkeiten: Int? = nil) {
        self.years = years
        self.disclosureControl = disclosureControl
        self.auffaelligkeiten = auffaelligkeiten
    }

    public var subject: String {
        let names = MailHeadline.enumeration(years.map { String($0.year) })
        let asOf = years.first?.asOf.german ?? ""
        let shares = MailHeadline.enumeration(years.map { $0.abflussPromille.map(NumberFormat.percent) ?? "–" })
        var text = "AQB \(names)" + (disclosureControl ? "" : " (intern)") + ", Stand \(asOf): \(shares) abgeflossen"
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

    /// `a`, `a und b`, `a, b und c`.
    static func enumeration(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " und " + last
    }
}

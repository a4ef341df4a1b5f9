/// Whether an area of one AQB year can be compared with the same key in another.
///
/// Comparing a Regierungsbezirk that lost a Kreis with its former self, or a Kreis with a new
/// Bezirk, would compare unlike with unlike: the row says so, and why, instead of a change.
public struct Vergleichbarkeit: Sendable, Equatable {
    public let istVergleichbar: Bool
    /// Why not, in German for the reader (`nur im AQB-Jahr 2025`); empty when comparable.
    public let grund: String

    public static let vergleichbar = Vergleichbarkeit(istVergleichbar: true, grund: "")

    /// The area exists only in one of the two years (`sql/report/areas.sql`).
    static func nurImJahr(_ year: Int) -> Vergleichbarkeit {
        Vergleichbarkeit(istVergleichbar: false, grund: "nur im AQB-Jahr \(year)")
    }

    /// A Kreis that belongs to another Regierungsbezirk than in the previous year.
    static func andererBezirk(vorjahr: String, jahr: String, years: (Int, Int)) -> Vergleichbarkeit {
        Vergleichbarkeit(
            istVergleichbar: false,
            grund: "Regierungsbezirk \(years.0) \(vorjahr), \(years.1) \(jahr)")
    }

    /// A Regierungsbezirk or the Land whose set of Kreise differs between the years, compared over
    /// the Kreise of both (`Vergleichsbasis`); `grund` is the footnote naming what was left out.
    static func ueberGemeinsameKreise(ohne ausgelassen: [String]) -> Vergleichbarkeit {
        Vergleichbarkeit(
            istVergleichbar: true, grund: "verglichen über die Kreise beider Jahre, ohne " + ausgelassen.joined(separator: ", "))
    }

    /// A Regierungsbezirk or the Land whose set of Kreise differs between the years.
    static func andereKreise(nurJahr: [String], nurVorjahr: [String], years: (Int, Int)) -> Vergleichbarkeit {
        var parts: [String] = []
        if !nurVorjahr.isEmpty { parts.append("nur \(years.0): " + nurVorjahr.joined(separator: ", ")) }
        if !nurJahr.isEmpty { parts.append("nur \(years.1): " + nurJahr.joined(separator: ", ")) }
        return Vergleichbarkeit(istVergleichbar: false, grund: "andere Kreise (" + parts.joined(separator: "; ") + ")")
    }
}

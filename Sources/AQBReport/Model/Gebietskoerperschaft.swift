/// A row of `aqb.gebietskoerperschaft` that takes part in a year's report.
public struct Gebietskoerperschaft: Sendable, Equatable {
    public let ags: String
    public let name: String
    public let art: String
    public let regierungsbezirk: Regierungsbezirk

    public init(ags: String, name: String, art: String, regierungsbezirk: Regierungsbezirk) {
        self.ags = ags
        self.name = name
        self.art = art
        self.regierungsbezirk = regierungsbezirk
    }
}

/// A Zielvereinbarung's budget with its changes up to the Stichtag.
public struct Budget: Sendable, Equatable {
    public let ags: String
    public let vereinbart: Cents
    public let aenderungen: Cents

    public init(ags: String, vereinbart: Cents, aenderungen: Cents) {
        self.ags = ags
        self.vereinbart = vereinbart
        self.aenderungen = aenderungen
    }
}

/// One project of the cohort with what was booked and counted for it up to the Stichtag.
public struct Project: Sendable, Equatable {
    public let id: Int
    public let ags: String
    /// Index into the report's Maßnahmenarten.
    public let massnahmenart: Int
    /// `bewilligt_eur` if the Bescheid is dated on or before the Stichtag, else 0.
    public let bewilligt: Cents
    public let ausgegeben: Cents
    /// Participations per Rechtskreis (index into the report's Rechtskreise).
    public var rechtskreisTeilnehmende: [Int]
    /// Participations per Geschlecht, in `Geschlecht.allCases` order.
    public var geschlecht: [Int]
    /// Of the participations: with a (Schwer-)Behinderung, without the information, and still in
    /// the project on the Stichtag.
    public var mitBehinderung = 0
    public var behinderungUnbekannt = 0
    public var aktiv = 0
    /// Index into the report's Förderschwerpunkte; `nil` for a project without one.
    public var foerderschwerpunkt: Int?
    /// What the project lists show beyond the figures.
    public var titel = ""
    public var traeger: String?
    public var bescheidAm: CalendarDate?
    public var plaetzeGeplant: Int?
    /// Spending per calendar year of booking; adds up to `ausgegeben`.
    public var haushaltsjahre: [Haushaltsjahr] = []

    public init(
        id: Int, ags: String, massnahmenart: Int, bewilligt: Cents, ausgegeben: Cents,
        rechtskreisTeilnehmende: [Int], geschlecht: [Int]
    ) {
        self.id = id
        self.ags = ags
        self.massnahmenart = massnahmenart
        self.bewilligt = bewilligt
        self.ausgegeben = ausgegeben
        self.rechtskreisTeilnehmende = rechtskreisTeilnehmende
        self.geschlecht = geschlecht
    }
}

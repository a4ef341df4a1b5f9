/// One project as the project lists show it (`projekte.csv`, the county sheets): its own fields
/// and what was booked and counted for it up to the Stichtag.
///
/// Its `teilnehmende` is a count of people like any other: disclosure control sees it as a cell
/// of its own (`CountTable.projects`), and renderers read it through `YearReport.projectCount`.
public struct ProjectLine: Sendable, Equatable {
    public let id: Int
    public let ags: String
    /// Index into the report's Maßnahmenarten.
    public let massnahmenart: Int
    /// Index into the report's Förderschwerpunkte; `nil` without one.
    public let foerderschwerpunkt: Int?
    public let titel: String
    public let traeger: String?
    public let bescheidAm: CalendarDate?
    /// `bewilligt_eur` if the Bescheid is dated on or before the Stichtag, else 0.
    public let bewilligt: Cents
    public let ausgegeben: Cents
    /// Participations (Eintritte) up to the Stichtag.
    public let teilnehmende: Int
    public let plaetzeGeplant: Int?

    public init(_ project: Project) {
        id = project.id
        ags = project.ags
        massnahmenart = project.massnahmenart
        foerderschwerpunkt = project.foerderschwerpunkt
        titel = project.titel
        traeger = project.traeger
        bescheidAm = project.bescheidAm
        bewilligt = project.bewilligt
        ausgegeben = project.ausgegeben
        teilnehmende = project.rechtskreisTeilnehmende.reduce(0, +)
        plaetzeGeplant = project.plaetzeGeplant
    }
}

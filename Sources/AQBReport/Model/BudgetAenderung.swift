/// A budget change of the Zielvereinbarung, effective up to the Stichtag, with its reason.
public struct BudgetAenderung: Sendable, Equatable {
    public let id: Int
    public let ags: String
    /// `nil` when the database holds a date the report cannot show (-infinity).
    public let wirksamAm: CalendarDate?
    public let betrag: Cents
    public let grund: String?

    public init(id: Int, ags: String, wirksamAm: CalendarDate?, betrag: Cents, grund: String?) {
        self.id = id
        self.ags = ags
        self.wirksamAm = wirksamAm
        self.betrag = betrag
        self.grund = grund
    }
}

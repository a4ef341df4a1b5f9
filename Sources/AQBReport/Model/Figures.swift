/// The figures of one area for one AQB year at one Stichtag, before disclosure control.
///
/// A Kreis's figures come from its projects; a Regierungsbezirk's and the Land's are the sums of
/// their children's (`add`), so every total reconciles with its parts to the cent by construction.
public struct Figures: Sendable, Equatable {
    /// The Zielvereinbarung's `budget_eur`; `nil` when the area has no Zielvereinbarung for the year.
    public var budgetVereinbart: Cents?
    /// Sum of `budget_aenderung` effective up to the Stichtag; `nil` exactly when `budgetVereinbart` is.
    public var budgetAenderungen: Cents?
    public var bewilligt = Cents.zero
    public var ausgegeben = Cents.zero
    public var projekte = 0
    /// Participations (Eintritte) up to the Stichtag.
    public var teilnehmende = 0
    /// Participations by Geschlecht, in the order of `Geschlecht.allCases`.
    public var geschlecht: [Int] = Array(repeating: 0, count: Geschlecht.allCases.count)
    /// Per Maßnahmenart, in `sortierung` order.
    public var massnahmenarten: [MassnahmenartFigures]
    /// Participations per Rechtskreis, in `sortierung` order.
    public var rechtskreisTeilnehmende: [Int]
    /// Spending split over the Rechtskreise (largest remainder, per project), in `sortierung` order.
    public var rechtskreisAusgaben: [Cents]
    /// Spending of projects without counted participants.
    public var nichtZugeordnet = Cents.zero

    public init(massnahmenartCount: Int, rechtskreisCount: Int) {
        massnahmenarten = Array(repeating: MassnahmenartFigures(), count: massnahmenartCount)
        rechtskreisTeilnehmende = Array(repeating: 0, count: rechtskreisCount)
        rechtskreisAusgaben = Array(repeating: .zero, count: rechtskreisCount)
    }

    /// Agreed budget plus changes up to the Stichtag; `nil` without a Zielvereinbarung (and on
    /// overflow, which `checkDerived` turns into a data error before anything is rendered).
    public var budget: Cents? {
        guard let budgetVereinbart, let budgetAenderungen else { return nil }
        return budgetVereinbart.adding(budgetAenderungen)
    }

    /// Budget not yet spent; negative when more was spent than agreed.
    public var rest: Cents? { budget.flatMap { $0.subtracting(ausgegeben) } }

    /// Spent as a share of the budget, in tenths of a percent; `nil` without budget or when it is 0.
    public var abflussPromille: Int? {
        guard let budget, budget != .zero else { return nil }
        return Percentage.tenths(of: ausgegeben, per: budget)
    }

    /// Throws when budget, rest or Mittelabfluss cannot be represented, so that none of them is
    /// silently shown as empty.
    func checkDerived() throws(SumOverflow) {
        guard let budgetVereinbart, let budgetAenderungen else { return }
        guard let budget = budgetVereinbart.adding(budgetAenderungen), budget.subtracting(ausgegeben) != nil else {
            throw SumOverflow()
        }
        if budget != .zero, Percentage.tenths(of: ausgegeben, per: budget) == nil { throw SumOverflow() }
    }

    /// Adds a child's figures into its parent's. Budgets add up over the children that have one.
    public mutating func add(_ child: Figures) throws(SumOverflow) {
        if let childBudget = child.budgetVereinbart, let childChanges = child.budgetAenderungen {
            var vereinbart = budgetVereinbart ?? .zero
            var aenderungen = budgetAenderungen ?? .zero
            try vereinbart.add(childBudget)
            try aenderungen.add(childChanges)
            budgetVereinbart = vereinbart
            budgetAenderungen = aenderungen
        }
        try bewilligt.add(child.bewilligt)
        try ausgegeben.add(child.ausgegeben)
        try projekte.add(child.projekte)
        try teilnehmende.add(child.teilnehmende)
        for index in geschlecht.indices { try geschlecht[index].add(child.geschlecht[index]) }
        for index in massnahmenarten.indices { try massnahmenarten[index].add(child.massnahmenarten[index]) }
        for index in rechtskreisTeilnehmende.indices {
            try rechtskreisTeilnehmende[index].add(child.rechtskreisTeilnehmende[index])
            try rechtskreisAusgaben[index].add(child.rechtskreisAusgaben[index])
        }
        try nichtZugeordnet.add(child.nichtZugeordnet)
    }

    /// The participant counts in the cell order of disclosure control:
    /// total, Geschlecht, Maßnahmenarten, Rechtskreise.
    public var countCells: [Int] {
        [teilnehmende] + geschlecht + massnahmenarten.map(\.teilnehmende) + rechtskreisTeilnehmende
    }
}

/// The figures of one area and one Maßnahmenart.
public struct MassnahmenartFigures: Sendable, Equatable {
    public var projekte = 0
    public var bewilligt = Cents.zero
    public var ausgegeben = Cents.zero
    public var teilnehmende = 0

    public init() {}

    public mutating func add(_ other: MassnahmenartFigures) throws(SumOverflow) {
        try projekte.add(other.projekte)
        try bewilligt.add(other.bewilligt)
        try ausgegeben.add(other.ausgegeben)
        try teilnehmende.add(other.teilnehmende)
    }
}

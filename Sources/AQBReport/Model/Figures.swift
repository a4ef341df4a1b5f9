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
    /// Of `teilnehmende`: with a (Schwer-)Behinderung, and without the information (§ 3 of the
    /// agreement asks for the inclusion of people with disabilities).
    public var teilnehmendeMitBehinderung = 0
    public var teilnehmendeBehinderungUnbekannt = 0
    /// Of `teilnehmende`: still in their project on the Stichtag (austritt empty or on/after it).
    /// Participations, not persons.
    public var teilnehmendeAktiv = 0
    /// Planned places of the projects that name them, and how many projects do not.
    public var plaetzeGeplant = 0
    public var projekteOhnePlan = 0
    /// Spending up to the Stichtag per calendar year of the booking (Haushaltsjahr), ascending;
    /// `nil` year for bookings dated -infinity. Adds up to `ausgegeben`.
    public var haushaltsjahre: [Haushaltsjahr] = []
    /// Per Maßnahmenart, in `sortierung` order.
    public var massnahmenarten: [MassnahmenartFigures]
    /// Per Förderschwerpunkt in `sortierung` order, then the projects without one: the last
    /// entry, so that the list adds up to the area's totals.
    public var foerderschwerpunkte: [CategoryFigures]
    /// Participations per Rechtskreis, in `sortierung` order.
    public var rechtskreisTeilnehmende: [Int]

    public init(massnahmenartCount: Int, rechtskreisCount: Int, foerderschwerpunktCount: Int = 0) {
        massnahmenarten = Array(repeating: MassnahmenartFigures(), count: massnahmenartCount)
        foerderschwerpunkte = Array(repeating: CategoryFigures(), count: foerderschwerpunktCount + 1)
        rechtskreisTeilnehmende = Array(repeating: 0, count: rechtskreisCount)
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
        guard bewilligt.subtracting(ausgegeben) != nil else { throw SumOverflow() }
        guard let budgetVereinbart, let budgetAenderungen else { return }
        guard let budget = budgetVereinbart.adding(budgetAenderungen), budget.subtracting(ausgegeben) != nil else {
            throw SumOverflow()
        }
        if budget != .zero, Percentage.tenths(of: ausgegeben, per: budget) == nil || Percentage.tenths(of: bewilligt, per: budget) == nil {
            throw SumOverflow()
        }
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
        try teilnehmendeMitBehinderung.add(child.teilnehmendeMitBehinderung)
        try teilnehmendeBehinderungUnbekannt.add(child.teilnehmendeBehinderungUnbekannt)
        try teilnehmendeAktiv.add(child.teilnehmendeAktiv)
        try plaetzeGeplant.add(child.plaetzeGeplant)
        try projekteOhnePlan.add(child.projekteOhnePlan)
        for entry in child.haushaltsjahre { try addSpending(entry.ausgegeben, haushaltsjahr: entry.jahr) }
        for index in massnahmenarten.indices { try massnahmenarten[index].add(child.massnahmenarten[index]) }
        for index in foerderschwerpunkte.indices { try foerderschwerpunkte[index].add(child.foerderschwerpunkte[index]) }
        for index in rechtskreisTeilnehmende.indices {
            try rechtskreisTeilnehmende[index].add(child.rechtskreisTeilnehmende[index])
        }
    }

    /// Books spending into its Haushaltsjahr, keeping the list sorted.
    public mutating func addSpending(_ amount: Cents, haushaltsjahr: Int?) throws(SumOverflow) {
        if let index = haushaltsjahre.firstIndex(where: { $0.jahr == haushaltsjahr }) {
            try haushaltsjahre[index].ausgegeben.add(amount)
        } else {
            haushaltsjahre.append(Haushaltsjahr(jahr: haushaltsjahr, ausgegeben: amount))
            haushaltsjahre.sort { ($0.jahr ?? Int.min) < ($1.jahr ?? Int.min) }
        }
    }

    /// Approved as a share of the budget, in tenths of a percent (the approval quote).
    public var bewilligtPromille: Int? {
        guard let budget, budget != .zero else { return nil }
        return Percentage.tenths(of: bewilligt, per: budget)
    }

    /// Approved but not yet spent.
    public var bewilligtNichtAusgegeben: Cents? { bewilligt.subtracting(ausgegeben) }

    /// The participant counts in the cell order of disclosure control (`CellLayout`).
    public var countCells: [Int] {
        [teilnehmende] + geschlecht + massnahmenarten.map(\.teilnehmende) + rechtskreisTeilnehmende
            + foerderschwerpunkte.map(\.teilnehmende) + [teilnehmendeMitBehinderung, teilnehmendeBehinderungUnbekannt, teilnehmendeAktiv]
    }
}

/// Spending of one calendar year of booking.
public struct Haushaltsjahr: Sendable, Equatable {
    /// `nil` for bookings without a calendar year (dated -infinity).
    public var jahr: Int?
    public var ausgegeben: Cents

    /// How the files name the year of bookings without one.
    public static let ohneJahr = "ohne Jahr"
}

/// The figures of one area and one category: a Maßnahmenart or a Förderschwerpunkt.
public struct CategoryFigures: Sendable, Equatable {
    public var projekte = 0
    public var bewilligt = Cents.zero
    public var ausgegeben = Cents.zero
    public var teilnehmende = 0
    /// Planned places of the projects that name them, and how many projects do not.
    public var plaetzeGeplant = 0
    public var projekteOhnePlan = 0

    public init() {}

    public mutating func add(_ other: CategoryFigures) throws(SumOverflow) {
        try projekte.add(other.projekte)
        try bewilligt.add(other.bewilligt)
        try ausgegeben.add(other.ausgegeben)
        try teilnehmende.add(other.teilnehmende)
        try plaetzeGeplant.add(other.plaetzeGeplant)
        try projekteOhnePlan.add(other.projekteOhnePlan)
    }
}

public typealias MassnahmenartFigures = CategoryFigures

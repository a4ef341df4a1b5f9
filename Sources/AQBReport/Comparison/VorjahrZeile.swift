/// One area in the comparison with the previous year: its published key figures in both years
/// and the changes a reader may be shown.
///
/// The changes are computed here once, so the CSV file, `bericht.md` and the county sheets all
/// show the same numbers and withhold the same ones.
public struct VorjahrZeile: Sendable, Equatable {
    /// The area as the current report names it (as the previous one, for an area only there).
    public let area: Area
    /// The key figures of the current year; `nil` for an area only in the previous year.
    public let aktuell: Kennzahlen?
    /// The key figures of the previous year at the same day; `nil` for an area only in the current year.
    public let vorjahr: Kennzahlen?
    public let vergleichbarkeit: Vergleichbarkeit
    /// For a Regierungsbezirk or Hessen whose Kreise differ between the years: the sums over the
    /// Kreise of both years, which the changes compare instead (`Vergleichsbasis`).
    public var basis: Vergleichsbasis? = nil

    /// What the changes compare: the area itself, or its Kreise present in both years.
    public var vergleichsAktuell: Kennzahlen? { basis?.aktuell ?? aktuell }
    public var vergleichsVorjahr: Kennzahlen? { basis?.vorjahr ?? vorjahr }

    private var comparable: Bool { vergleichbarkeit.istVergleichbar && vergleichsAktuell != nil && vergleichsVorjahr != nil }

    public var budget: Veraenderung<Cents> { money(\.budget) }
    public var bewilligt: Veraenderung<Cents> { money(\.bewilligt) }
    public var ausgegeben: Veraenderung<Cents> { money(\.ausgegeben) }

    /// The change of any amount of the key figures, over what the changes compare.
    public func money(_ path: KeyPath<Kennzahlen, Cents?>) -> Veraenderung<Cents> {
        .money(vergleichsAktuell?[keyPath: path], vergleichsVorjahr?[keyPath: path], comparable: comparable)
    }

    public func money(_ path: KeyPath<Kennzahlen, Cents>) -> Veraenderung<Cents> {
        .money(vergleichsAktuell?[keyPath: path], vergleichsVorjahr?[keyPath: path], comparable: comparable)
    }

    /// The change of the Mittelabfluss in tenths of a percentage point, from the two rounded
    /// shares as printed, so a reader who subtracts the two gets the same number.
    public var abflussPunkte: Veraenderung<Int> {
        guard comparable else { return .nichtVergleichbar }
        guard let new = vergleichsAktuell?.abflussPromille, let old = vergleichsVorjahr?.abflussPromille else { return .fehlt }
        return .wert(new - old)
    }

    /// The change of the participations; `gesperrt` where either count is a `*`.
    public var teilnehmende: Veraenderung<Int> {
        .count(vergleichsAktuell?.teilnehmende, vergleichsVorjahr?.teilnehmende, comparable: comparable)
    }

    /// A change of money relative to the previous year, in tenths of a percent; `nil` where there
    /// is no change to show, or where the previous or the new value is 0 or negative: a share of
    /// nothing means nothing, and a change from −25.000 € (repayments) to 0 € is not "+100 %".
    public static func prozent(_ change: Veraenderung<Cents>, of old: Cents?) -> Int? {
        guard let difference = change.value, let old, old > .zero, let new = old.adding(difference), new > .zero else { return nil }
        return Percentage.tenths(of: difference, per: old)
    }
}

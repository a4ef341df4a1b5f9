/// A row of a reference table the report groups by: a Maßnahmenart or a Rechtskreis.
///
/// Both come from the database (`aqb.massnahmenart`, `aqb.rechtskreis`) in `sortierung` order;
/// the code knows none of their codes, so a new category needs no release.
public struct Category: Hashable, Sendable {
    public let code: String
    public let bezeichnung: String
    public let sortierung: Int

    public init(code: String, bezeichnung: String, sortierung: Int) {
        self.code = code
        self.bezeichnung = bezeichnung
        self.sortierung = sortierung
    }
}

/// The Maßnahmenarten of `aqb.massnahmenart`, in `sortierung` order.
public typealias Massnahmenart = Category
/// The Rechtskreise of `aqb.rechtskreis`, in `sortierung` order.
public typealias Rechtskreis = Category
/// The Förderschwerpunkte (earmarks) of `aqb.foerderschwerpunkt`, in `sortierung` order.
public typealias Foerderschwerpunkt = Category

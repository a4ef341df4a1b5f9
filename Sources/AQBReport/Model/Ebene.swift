/// The level of an area in the report: the Land, a Regierungsbezirk, or a Kreis
/// (Landkreis or kreisfreie Stadt).
public enum Ebene: String, Sendable, CaseIterable {
    case land = "Land"
    case regierungsbezirk = "Regierungsbezirk"
    case kreis = "Kreis"
}

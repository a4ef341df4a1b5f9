/// One row of the report: Hessen, a Regierungsbezirk or a Kreis.
///
/// Keys sort as text so that every file lists the Land first and each Regierungsbezirk before
/// its Kreise: `06`, `064`, `06411`, …, `065`, ….
public struct Area: Hashable, Sendable {
    public let ebene: Ebene
    /// The official key: `06`, `064`…`066`, or the 5-digit AGS of a Kreis.
    public let key: String
    public let name: String
    /// For a Kreis, `Landkreis` or `kreisfreie Stadt`; empty for the aggregates.
    public let art: String
    /// The key of the area this one is summed into; `nil` for the Land.
    public let parentKey: String?

    public init(ebene: Ebene, key: String, name: String, art: String = "", parentKey: String?) {
        self.ebene = ebene
        self.key = key
        self.name = name
        self.art = art
        self.parentKey = parentKey
    }
}

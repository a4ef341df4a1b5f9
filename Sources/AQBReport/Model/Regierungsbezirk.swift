/// The three Regierungsbezirke, the only values `aqb.gebietskoerperschaft.regierungsbezirk` may
/// take (a CHECK of the schema), with the keys the report gives them.
public enum Regierungsbezirk: String, CaseIterable, Sendable {
    case darmstadt = "Darmstadt"
    case giessen = "Gießen"
    case kassel = "Kassel"

    public var key: String {
        switch self {
        case .darmstadt: "064"
        case .giessen: "065"
        case .kassel: "066"
        }
    }

    public var area: Area {
        Area(ebene: .regierungsbezirk, key: key, name: "Regierungsbezirk \(rawValue)", parentKey: Land.key)
    }
}

/// The Land, the root of the area tree.
public enum Land {
    public static let key = "06"
    public static let area = Area(ebene: .land, key: key, name: "Hessen", parentKey: nil)
}

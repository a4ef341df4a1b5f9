/// The values of `aqb.teilnahme.geschlecht`, fixed by a CHECK of the schema, plus NULL.
public enum Geschlecht: CaseIterable, Sendable {
    case weiblich, maennlich, divers, ohneAngabe

    /// Reads the column's text; `nil` for a value the schema does not allow.
    public init?(column: String?) {
        switch column {
        case nil: self = .ohneAngabe
        case "w": self = .weiblich
        case "m": self = .maennlich
        case "d": self = .divers
        default: return nil
        }
    }

    /// The suffix of the column in `kreise.csv` (`teilnehmende_w`, …).
    public var columnSuffix: String {
        switch self {
        case .weiblich: "w"
        case .maennlich: "m"
        case .divers: "d"
        case .ohneAngabe: "ohne_angabe"
        }
    }

    public var label: String {
        switch self {
        case .weiblich: "weiblich"
        case .maennlich: "männlich"
        case .divers: "divers"
        case .ohneAngabe: "ohne Angabe"
        }
    }
}

extension Geschlecht {
    /// Position in `Geschlecht.allCases`, the order of every per-Geschlecht array. A switch, not
    /// a search with a fallback: a new case must be placed here, or the code does not compile.
    var index: Int {
        switch self {
        case .weiblich: 0
        case .maennlich: 1
        case .divers: 2
        case .ohneAngabe: 3
        }
    }
}

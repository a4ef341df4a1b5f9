/// The column types the report's queries return, by their PostgreSQL type OIDs.
///
/// Every result is checked against the types its query promises before a value is read, so a
/// changed column type stops the report instead of being misread (a float where NUMERIC was).
public enum PGType: UInt32, Sendable, CustomStringConvertible {
    case bool = 16
    case int8 = 20
    case int4 = 23
    case text = 25
    case bpchar = 1042
    case date = 1082
    case timestamptz = 1184
    case numeric = 1700

    public var description: String {
        switch self {
        case .bool: "boolean"
        case .int8: "bigint"
        case .int4: "integer"
        case .text: "text"
        case .bpchar: "character"
        case .date: "date"
        case .timestamptz: "timestamp with time zone"
        case .numeric: "numeric"
        }
    }
}

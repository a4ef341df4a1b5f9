/// One row of `sql/report/findings.sql`: a finding's rule and the values its description needs.
///
/// The columns are generic (three amounts, a number, two dates as text); the comment of each
/// branch in the SQL file says what it puts where. No column holds a count of people.
struct FindingRow: Sendable {
    var regel: FindingRule
    var ags: String
    var projektId: Int?
    var titel: String?
    var traeger: String?
    var betrag1: Cents?
    var betrag2: Cents?
    var betrag3: Cents?
    var anzahl: Int?
    /// Dates as PostgreSQL writes them: ISO, or `infinity` / `-infinity` (shown as they are).
    var datum1: String?
    var datum2: String?

    /// The query's column types, checked before the first row is read.
    static let columns: [PGType] = [.text, .text, .int8, .text, .text, .numeric, .numeric, .numeric, .int8, .text, .text]

    init(
        regel: FindingRule, ags: String, projektId: Int? = nil, titel: String? = nil, traeger: String? = nil,
        betrag1: Cents? = nil, betrag2: Cents? = nil, betrag3: Cents? = nil, anzahl: Int? = nil, datum1: String? = nil,
        datum2: String? = nil
    ) {
        self.regel = regel
        self.ags = ags
        self.projektId = projektId
        self.titel = titel
        self.traeger = traeger
        self.betrag1 = betrag1
        self.betrag2 = betrag2
        self.betrag3 = betrag3
        self.anzahl = anzahl
        self.datum1 = datum1
        self.datum2 = datum2
    }

    init(_ row: PGRow) throws {
        let code = try row.requiredString(0)
        guard let regel = FindingRule(rawValue: code) else {
            throw ReportError(.software, "findings.sql returned the unknown rule '\(code)'; FindingRule and the SQL file disagree.")
        }
        func amount(_ column: Int) throws -> Cents? { row.isNull(column) ? nil : try row.cents(column) }
        func number(_ column: Int) throws -> Int? { row.isNull(column) ? nil : try row.int(column) }
        self.init(
            regel: regel, ags: row.string(1) ?? "", projektId: try number(2), titel: row.string(3), traeger: row.string(4),
            betrag1: try amount(5), betrag2: try amount(6), betrag3: try amount(7), anzahl: try number(8),
            datum1: row.string(9), datum2: row.string(10))
    }
}

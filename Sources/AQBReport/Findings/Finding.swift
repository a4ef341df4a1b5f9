/// One finding (Auffälligkeit) of a year's report: something in the data an analyst should look
/// at before the autumn review, with the rule that found it.
///
/// `ags` is empty for a finding about the whole Land (a year without data, the bookings after
/// the Stichtag); `projektId` is set where the rule is about one project. `beschreibung` is German
/// prose built from the row's values (`FindingDescription`); it never states a count of people.
public struct Finding: Sendable, Equatable {
    public var schwere: Schwere { regel.schwere }
    public let regel: FindingRule
    public let ags: String
    public let projektId: Int?
    public let beschreibung: String

    public init(regel: FindingRule, ags: String, projektId: Int?, beschreibung: String) {
        self.regel = regel
        self.ags = ags
        self.projektId = projektId
        self.beschreibung = beschreibung
    }

    /// The order of every file: severity, then area key, then project (none first), then rule
    /// code, then the description, so equal data always give the same bytes.
    ///
    /// Findings already in that order (a report's, sorted where they are read: `FindingQuery`)
    /// come back as they are, without a copy: each file that lists them asks again, and with
    /// 100,000 findings every sorted copy was 6 MiB and a sort of strings.
    public static func ordered(_ findings: [Finding]) -> [Finding] {
        guard zip(findings, findings.dropFirst()).contains(where: { precedes($1, $0) }) else { return findings }
        return findings.sorted(by: precedes)
    }

    /// The order of `ordered`, for sorting in place.
    static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.schwere != rhs.schwere { return lhs.schwere < rhs.schwere }
        if lhs.ags != rhs.ags { return lhs.ags < rhs.ags }
        if lhs.projektId != rhs.projektId { return (lhs.projektId ?? Int.min) < (rhs.projektId ?? Int.min) }
        if lhs.regel != rhs.regel { return lhs.regel.rawValue < rhs.regel.rawValue }
        return lhs.beschreibung < rhs.beschreibung
    }
}

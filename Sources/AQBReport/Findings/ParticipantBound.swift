/// What a finding's mere presence tells a reader about its project's count of participations
/// (Eintritte up to the Stichtag), for the disclosure audit.
///
/// Findings never state a count of people, but some rules cannot fire without revealing a bound:
/// "spending but no participants" says the project's count is 0, "a participation ends before it
/// begins" says it is at least 1. Once per-project counts are published, the audit has to know.
public enum ParticipantBound: String, Sendable, Hashable, Codable {
    /// The project's counted participations are exactly 0.
    case zero
    /// The project has at least one counted participation.
    case atLeastOne
}

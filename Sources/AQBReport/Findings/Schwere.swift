/// How much a finding (`Finding`) matters, in the order the report lists them.
///
/// German, as the files spell them: `Fehler` (the data or the money cannot be right and need a
/// correction), `Warnung` (worth a question at the autumn review), `Hinweis` (for information:
/// what the report does not count yet).
public enum Schwere: String, CaseIterable, Sendable, Comparable {
    case fehler = "Fehler"
    case warnung = "Warnung"
    case hinweis = "Hinweis"

    /// Fehler before Warnung before Hinweis.
    public static func < (lhs: Schwere, rhs: Schwere) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

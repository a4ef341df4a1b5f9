/// What the morning mail says about one year's report beside its key figures: how many findings
/// of each severity, and where the analysts open it.
///
/// The subject only counts all findings of the run ("17 Auffälligkeiten"); an analyst wants to
/// know from the mail whether any of them is a Fehler, and in which year.
enum MailReportNotes {
    /// `1 Fehler, 3 Warnungen, 2 Hinweise` (severities without findings left out), `keine`, or
    /// `nil` when the findings were not read (`MailDigest.findings`).
    static func findings(_ counts: [Schwere: Int]?) -> String? {
        guard let counts else { return nil }
        let parts = Schwere.allCases.compactMap { schwere -> String? in
            let count = counts[schwere] ?? 0
            guard count > 0 else { return nil }
            return "\(NumberFormat.count(count)) \(MailReportNotes.noun(schwere, count: count))"
        }
        return parts.isEmpty ? "keine" : parts.joined(separator: ", ")
    }

    static func noun(_ schwere: Schwere, count: Int) -> String {
        switch schwere {
        case .fehler: "Fehler"
        case .warnung: count == 1 ? "Warnung" : "Warnungen"
        case .hinweis: count == 1 ? "Hinweis" : "Hinweise"
        }
    }

    /// Where the report of `folder` lies for the analysts: `<base>/<year>/<Stichtag>/` when
    /// `mail_link_base` is set, else `nil` (the mail then names the folder as before). The
    /// folder's last two parts are the year and the Stichtag (`DIR/<year>/<Stichtag>/`), the
    /// same under the base as on the server.
    static func link(folder: String, base: String?) -> String? {
        guard var base, !base.isEmpty else { return nil }
        while base.hasSuffix("/") { base.removeLast() }
        let parts = folder.split(separator: "/").suffix(2)
        return base + "/" + parts.joined(separator: "/") + "/"
    }
}

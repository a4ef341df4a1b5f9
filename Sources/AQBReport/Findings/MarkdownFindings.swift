extension MarkdownReport {
    /// The section "Auffälligkeiten" of `bericht.md`: the year's findings as a table (Fehler first),
    /// then the catalogue of rules, so a reader sees what was checked even where nothing was found.
    ///
    /// Empty when the findings were not read (a report built without the database).
    var auffaelligkeiten: String {
        guard let findings = report.findings else { return "" }
        var text = "## Auffälligkeiten\n\n"
        if findings.isEmpty {
            text += "Keine Auffälligkeiten nach den Regeln unten.\n\n"
        } else {
            let bySeverity = Schwere.allCases.compactMap { schwere -> String? in
                let count = findings.filter { $0.schwere == schwere }.count
                return count == 0 ? nil : "\(NumberFormat.count(count)) \(schwere.label(count))"
            }
            text += "Zum Stichtag \(report.asOf.german): " + bySeverity.joined(separator: ", ") + ". "
            text += "Die Beträge sind die dieses Berichts (Budget, Bewilligt und Ausgegeben wie oben).\n\n"
            var table = MarkdownTable(
                header: ["Schwere", "Regel", "Gebiet", "AGS", "Projekt", "Beschreibung"],
                alignments: [.left, .left, .left, .left, .right, .left])
            let names = Dictionary(report.areas.map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
            // A rule that fires thousands of times would bury the others and make the report
            // unreadable: each rule lists its first rows here, the file and the sheets list all.
            var listed: [FindingRule: Int] = [:]
            var left: [FindingRule: Int] = [:]
            for finding in Finding.ordered(findings) {
                guard listed[finding.regel, default: 0] < Self.findingsPerRule else {
                    left[finding.regel, default: 0] += 1
                    continue
                }
                listed[finding.regel, default: 0] += 1
                let gebiet = finding.ags.isEmpty ? "Hessen" : names[finding.ags] ?? finding.ags
                table.append([
                    finding.schwere.rawValue, finding.regel.code, gebiet, finding.ags,
                    finding.projektId.map(String.init) ?? MarkdownReport.dash,
                    finding.beschreibung,
                ])
            }
            text += table.text + "\n"
            let more = FindingRule.allCases.compactMap { rule in left[rule].map { "\(NumberFormat.count($0)) weitere `\(rule.code)`" } }
            if !more.isEmpty {
                text +=
                    "Nicht einzeln aufgeführt (je Regel stehen hier die ersten \(Self.findingsPerRule)): " + more.joined(separator: ", ")
                text += ". Alle stehen in `auffaelligkeiten.csv` und, je Kreis, in den Kreisblättern.\n\n"
            }
        }
        text += "### Regeln\n\n"
        for rule in FindingRule.allCases {
            text += "- `\(rule.code)` (\(rule.schwere.rawValue)): \(MarkdownTable.escape(rule.erklaerung))\n"
        }
        return text
    }
}

extension MarkdownReport {
    /// How many findings of one rule `bericht.md` lists row by row.
    static let findingsPerRule = 25
}

extension Schwere {
    /// "1 Fehler", "2 Warnungen", "3 Hinweise".
    func label(_ count: Int) -> String {
        switch self {
        case .fehler: "Fehler"
        case .warnung: count == 1 ? "Warnung" : "Warnungen"
        case .hinweis: count == 1 ? "Hinweis" : "Hinweise"
        }
    }
}

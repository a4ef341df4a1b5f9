/// The German sentence of a finding, built from its row's values: amounts as `1.234,56 €`,
/// dates as `30.09.2025`, a project as „Titel“ (Träger: …).
///
/// Never a count of people: a description says how many bookings, never how many
/// participations (see `FindingRule.impliesParticipants` for what a finding implies anyway).
/// Text from the database keeps its characters (the renderers escape it) except line breaks and
/// other control characters, which become blanks so a description stays one line.
struct FindingDescription {
    let year: Int
    let asOf: CalendarDate
    /// `pro_rata_margin`, in percentage points of the budget.
    let proRataMargin: Int

    /// The sentence, in a string of its own length: a report holds every finding's sentence until
    /// its files are written, and the interpolation's string has room to grow (about twice the
    /// text), which with 100,000 findings was 14 MiB of the run's peak (issue 19).
    func text(_ row: FindingRow) -> String {
        let sentence = wording(row)
        return sentence.utf8.withContiguousStorageIfAvailable { String(decoding: $0, as: UTF8.self) } ?? sentence
    }

    private func wording(_ row: FindingRow) -> String {
        // A NULL amount is shown as unknown, never as 0,00 €, and so is a difference with it.
        let first = row.betrag1
        let second = row.betrag2
        switch row.regel {
        case .bewilligtUeberBudget:
            return
                "Bewilligt \(euro(first)) bei einem Budget von \(euro(second)) zum Stichtag: \(euro(difference(first, second))) über dem Budget."
        case .ausgegebenUeberBewilligt:
            return
                "\(projekt(row)): ausgegeben \(euro(first)), bewilligt \(euro(second)): \(euro(difference(first, second))) mehr als bewilligt."
        case .ausgabeOhneBescheid:
            let bescheid = row.datum1.map { "der Bescheid ist erst vom \(date($0)), nach dem Stichtag" } ?? "kein Bescheid"
            return "\(projekt(row)): \(buchungen(row.anzahl)) über \(euro(first)) bis zum Stichtag, aber \(bescheid)."
        case .ausgabeVorBescheid:
            return
                "\(projekt(row)): \(buchungen(row.anzahl)) über \(euro(first)) vor dem Bescheid vom \(date(row.datum1)) gebucht, die früheste am \(date(row.datum2))."
        case .keineZielvereinbarung:
            return "„\(clean(row.titel))“ ist im Jahr \(year) gültig, hat aber keine Zielvereinbarung für das AQB-Jahr \(year)."
        case .zielvereinbarungGebietUngueltig:
            return "Zielvereinbarung \(year) für „\(clean(row.titel))“, die Gebietskörperschaft ist aber nur \(gueltigkeit(row)) gültig."
        case .teilnahmeEndeVorBeginn:
            return "\(projekt(row)): mindestens eine Teilnahme endet vor ihrem Eintritt; Eintritts- und Austrittsdatum prüfen."
        case .buchungNachStichtag:
            return
                "\(buchungen(row.anzahl)) über \(euro(first)) der Projekte des AQB-Jahres \(year) \(row.anzahl == 1 ? "ist" : "sind") nach dem Stichtag (\(asOf.german)) datiert, die neueste am \(date(row.datum1)); dieser Bericht zählt sie noch nicht."
        case .buchungNachDatenstand:
            return
                "\(projekt(row)): \(buchungen(row.anzahl)) über \(euro(first)) nach dem Tag des Datenstands oder unbestimmt datiert (späteste: \(date(row.datum1))); Buchungsdatum prüfen."
        case .budgetNegativ:
            return "Budget \(euro(first)): vereinbart \(euro(second)), Änderungen bis zum Stichtag \(euro(row.betrag3))."
        case .ausgabenOhneTeilnehmende:
            return
                "\(projekt(row)): \(euro(first)) ausgegeben bis zum Stichtag, aber keine Teilnahme mit Eintritt bis zum Zähltag."
        case .abflussUnterZeitanteil:
            return abfluss(row)
        case .jahrOhneDaten:
            return
                "Für das AQB-Jahr \(year) gibt es weder eine Zielvereinbarung noch ein Projekt: alle Zahlen dieses Berichts sind null. Jahr (--year) und Datenbank prüfen."
        }
    }

    /// Spending against the pro-rata line, with both shares of the budget.
    private func abfluss(_ row: FindingRow) -> String {
        let ausgegeben = row.betrag1 ?? .zero
        let budget = row.betrag2 ?? .zero
        let vergangen = row.anzahl ?? 0
        let tage = row.datum1.flatMap { Int($0) } ?? 365
        let anteil = Percentage.tenths(of: ausgegeben, per: budget).map(NumberFormat.percent) ?? "–"
        // Tenths of a percent of the year elapsed, rounded half up, in integers.
        let zeitanteil = NumberFormat.percent((vergangen * 2000 + tage) / (2 * tage))
        return
            "Ausgegeben \(euro(ausgegeben)) = \(anteil) des Budgets von \(euro(budget)); nach dem Zeitanteil (\(vergangen) von \(tage) Tagen des Jahres \(year), \(zeitanteil)) wären es \(euro(row.betrag3 ?? .zero)); das sind mehr als \(proRataMargin) Prozentpunkte weniger."
    }

    private func gueltigkeit(_ row: FindingRow) -> String {
        switch (row.datum1, row.datum2) {
        case (let ab?, let bis?): "vom \(date(ab)) bis zum \(date(bis))"
        case (let ab?, nil): "ab dem \(date(ab))"
        case (nil, let bis?): "bis zum \(date(bis))"
        case (nil, nil): "in anderen Jahren"
        }
    }

    /// „Titel“ (Träger: …), or without the Träger where it is unknown.
    private func projekt(_ row: FindingRow) -> String {
        let traeger = row.traeger.map { " (Träger: \(clean($0)))" } ?? ""
        return "Projekt „\(clean(row.titel))“\(traeger)"
    }

    private func buchungen(_ count: Int?) -> String {
        let count = count ?? 0
        return "\(NumberFormat.count(count)) \(count == 1 ? "Buchung" : "Buchungen")"
    }

    /// `1.234,56 €`, or `Betrag unbekannt` for NULL.
    private func euro(_ amount: Cents?) -> String { amount.map(NumberFormat.euro) ?? "Betrag unbekannt" }

    private func difference(_ first: Cents?, _ second: Cents?) -> Cents? {
        guard let first, let second else { return nil }
        return first - second
    }

    /// German for an ISO date; PostgreSQL's `infinity` and dates beyond year 9999 as written.
    private func date(_ text: String?) -> String {
        guard let text else { return "–" }
        return CalendarDate(iso: text)?.german ?? text
    }

    /// Control characters (line breaks, tabs) as blanks: a description is one line.
    ///
    /// The control characters (general category Cc) are U+0000–U+001F and U+007F–U+009F, a set
    /// Unicode keeps stable; compared by value, and a text without one is returned as it is,
    /// because looking up each scalar's category for every finding's title was a visible part of
    /// reading 9,000 findings (issue 19).
    private func clean(_ text: String?) -> String {
        guard let text else { return "" }
        func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(isControl(scalar) ? " " : scalar) }
        return String(result)
    }
}

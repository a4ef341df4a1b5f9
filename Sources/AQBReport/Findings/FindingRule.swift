/// The catalogue of finding rules: a stable code, a severity and a one-line German explanation
/// each, as `bericht.md` and the README list them.
///
/// The code is what the files write (`regel`) and what a reader filters on, so it never changes
/// once published; a rule that changes its meaning gets a new code. Each rule is one branch of
/// `sql/report/findings.sql`, and `FindingDescription` words its findings.
public enum FindingRule: String, CaseIterable, Sendable {
    case bewilligtUeberBudget = "BEWILLIGT_UEBER_BUDGET"
    case ausgegebenUeberBewilligt = "AUSGEGEBEN_UEBER_BEWILLIGT"
    case ausgabeOhneBescheid = "AUSGABE_OHNE_BESCHEID"
    case ausgabeVorBescheid = "AUSGABE_VOR_BESCHEID"
    case keineZielvereinbarung = "KEINE_ZIELVEREINBARUNG"
    case zielvereinbarungGebietUngueltig = "ZIELVEREINBARUNG_GEBIET_UNGUELTIG"
    case teilnahmeEndeVorBeginn = "TEILNAHME_ENDE_VOR_BEGINN"
    case buchungNachStichtag = "BUCHUNG_NACH_STICHTAG"
    case buchungNachDatenstand = "BUCHUNG_NACH_DATENSTAND"
    case budgetNegativ = "BUDGET_NEGATIV"
    case ausgabenOhneTeilnehmende = "AUSGABEN_OHNE_TEILNEHMENDE"
    case abflussUnterZeitanteil = "ABFLUSS_UNTER_ZEITANTEIL"
    case jahrOhneDaten = "JAHR_OHNE_DATEN"

    /// The code as the files write it.
    public var code: String { rawValue }

    public var schwere: Schwere {
        switch self {
        case .bewilligtUeberBudget, .ausgegebenUeberBewilligt, .ausgabeOhneBescheid, .zielvereinbarungGebietUngueltig,
            .teilnahmeEndeVorBeginn, .buchungNachDatenstand, .budgetNegativ, .jahrOhneDaten:
            .fehler
        case .ausgabeVorBescheid, .keineZielvereinbarung, .ausgabenOhneTeilnehmende, .abflussUnterZeitanteil: .warnung
        case .buchungNachStichtag: .hinweis
        }
    }

    /// What triggers the rule, in one German line (Methodik and README).
    public var erklaerung: String {
        switch self {
        case .bewilligtUeberBudget:
            "Ein Kreis hat mehr bewilligt (Bescheide bis zum Stichtag) als sein Budget (vereinbart plus bis zum Stichtag wirksame Änderungen)."
        case .ausgegebenUeberBewilligt:
            "Ein Projekt mit Bescheid bis zum Stichtag hat bis zum Stichtag mehr ausgegeben als bewilligt."
        case .ausgabeOhneBescheid:
            "Ein Projekt hat Buchungen bis zum Stichtag, aber keinen Bescheid, der bis zum Stichtag datiert ist."
        case .ausgabeVorBescheid:
            "Ein Projekt hat Buchungen, die vor dem Tag seines Bescheids datiert sind (eine Buchung am Tag des Bescheids ist nicht zu früh)."
        case .keineZielvereinbarung:
            "Eine im Jahr gültige Gebietskörperschaft hat keine Zielvereinbarung für das AQB-Jahr (nur, wenn das Jahr überhaupt Zielvereinbarungen hat)."
        case .zielvereinbarungGebietUngueltig:
            "Eine Zielvereinbarung gilt einer Gebietskörperschaft, die an keinem Tag des Jahres gültig ist (gültig ab/bis)."
        case .teilnahmeEndeVorBeginn:
            "Ein Projekt hat eine Teilnahme mit Eintritt bis zum Stichtag, deren Austritt vor dem Eintritt liegt (ohne Angabe, wie viele)."
        case .buchungNachStichtag:
            "Buchungen der Kohorte nach dem Stichtag bis zum Datenstand: Anzahl und Summe, die dieser Bericht noch nicht zählt (eine Zeile für Hessen)."
        case .buchungNachDatenstand:
            "Ein Projekt hat Buchungen, die nach dem Tag des Datenstands oder unbestimmt (infinity) datiert sind."
        case .budgetNegativ:
            "Die bis zum Stichtag wirksamen Änderungen machen das Budget eines Kreises negativ."
        case .ausgabenOhneTeilnehmende:
            "Ein Projekt hat bis zum Stichtag Ausgaben (Summe ungleich 0), aber keine Teilnahme mit Eintritt bis zum Stichtag."
        case .abflussUnterZeitanteil:
            "Ein Kreis hat um mehr als die Marge (pro_rata_margin, Vorgabe 50 Prozentpunkte des Budgets) weniger ausgegeben als Budget × verstrichener Anteil des ersten Kalenderjahrs der Kohorte am Stichtag."
        case .jahrOhneDaten:
            "Für das AQB-Jahr gibt es weder eine Zielvereinbarung noch ein Projekt: alle Zahlen des Berichts sind null."
        }
    }

    /// What a finding of this rule reveals about its project's count of participations, for the
    /// disclosure audit (`nil`: nothing). See `ParticipantBound`.
    public var impliesParticipants: ParticipantBound? {
        switch self {
        case .ausgabenOhneTeilnehmende: .zero
        case .teilnahmeEndeVorBeginn: .atLeastOne
        default: nil
        }
    }
}

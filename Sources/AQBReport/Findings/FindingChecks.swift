/// The findings on bookings and participations, decided from the report's own scan
/// (`projects.sql` with its findings' columns) instead of a second pass over the bookings.
///
/// `ReportQueries` hands over each project's first row (`startProject`) and each of its rows
/// (`addRow`); `finish` adds the rules on a Kreis's or the Land's sums. The rows it returns are
/// what the branches of the former `findings.sql` returned, column for column, so descriptions
/// and files stay the same. Money is the report's, to the cent:
///
/// - `BEWILLIGT_UEBER_BUDGET`: a Kreis with a Zielvereinbarung and projects approved more than
///   its budget. betrag_1 = bewilligt (sum of its projects), betrag_2 = budget.
/// - `AUSGEGEBEN_UEBER_BEWILLIGT`: a project with a Bescheid up to the Stichtag spent more than it
///   was approved. betrag_1 = ausgegeben, betrag_2 = bewilligt.
/// - `AUSGABE_OHNE_BESCHEID`: bookings up to the Stichtag, but no Bescheid dated up to it.
///   betrag_1 = ausgegeben, anzahl = bookings, datum_1 = the Bescheid's date if there is one.
/// - `AUSGABE_VOR_BESCHEID`: bookings up to the Stichtag dated before the day of the Bescheid
///   (only projects whose Bescheid is dated up to the Stichtag). betrag_1 = their sum, anzahl =
///   how many, datum_1 = Bescheid, datum_2 = the earliest of them.
/// - `TEILNAHME_ENDE_VOR_BEGINN`: a counted participation whose Austritt lies before its
///   Eintritt; no count (it would be a count of people).
/// - `BUCHUNG_NACH_STICHTAG`: the cohort's bookings after the Stichtag up to the snapshot's day,
///   one row for the Land. anzahl = how many, betrag_1 = their sum, datum_1 = the newest.
/// - `BUCHUNG_NACH_DATENSTAND`: a project's bookings after the snapshot's day or at ±infinity.
///   anzahl = how many, betrag_1 = their sum, datum_1 = the latest (may read `infinity`).
/// - `AUSGABEN_OHNE_TEILNEHMENDE`: a project spent (a non-zero sum up to the Stichtag) but has no
///   participation counted on the counting day. betrag_1 = ausgegeben.
/// - `ABFLUSS_UNTER_ZEITANTEIL`: a Kreis with a positive budget spent more than `margin`
///   percentage points of it below the pro-rata line of the cohort's first calendar year:
///   ausgegeben × 100 × tage < budget × (100 × vergangen − margin × tage), exact in integers.
///   betrag_1 = ausgegeben, betrag_2 = budget, betrag_3 = the line in cents (rounded half away
///   from zero), anzahl = days elapsed (Stichtag included, at most the year), datum_1 = days of
///   the year.
struct FindingChecks {
    let year: Int
    let asOf: CalendarDate
    let proRataMargin: Int

    /// The budgets of the year (Zielvereinbarungen with their changes up to the Stichtag).
    var budgets: [Budget] = []
    private(set) var rows: [FindingRow] = []
    /// Where each row goes as it is decided, instead of into `rows`: the report's findings are
    /// made from them at once (`FindingQuery`), so that 100,000 findings are not held twice, as
    /// rows and as findings (issue 19).
    var sink: ((FindingRow) -> Void)?
    /// Per Kreis: its projects' approvals and spending; `nil` once a sum left `Int64` cents.
    private var kreise: [String: (bewilligt: Cents, ausgegeben: Cents)?] = [:]
    private var spaeter = 0
    private var spaeterSumme = Cents(0)
    private var spaeterNeueste: String?
    private var current: ProjectValues?

    /// The rules decided here; every other rule is a branch of `findings.sql` (`FindingRuleTests`).
    static let rules: [FindingRule] = [
        .bewilligtUeberBudget, .ausgegebenUeberBewilligt, .ausgabeOhneBescheid, .ausgabeVorBescheid, .teilnahmeEndeVorBeginn,
        .buchungNachStichtag, .buchungNachDatenstand, .ausgabenOhneTeilnehmende, .abflussUnterZeitanteil,
    ]

    init(year: Int, asOf: CalendarDate, proRataMargin: Int) {
        self.year = year
        self.asOf = asOf
        self.proRataMargin = proRataMargin
    }

    /// What the rules need of one project, from its first row.
    struct ProjectValues {
        var id: Int
        var ags: String
        var titel: String?
        var traeger: String?
        var bescheidAm: String?
        var bescheidGilt: Bool
        var bewilligt: Cents
        var ausgegeben: Cents
        var buchungen: Int
        var vorBescheid: Int
        var vorBescheidSumme: Cents?
        var ersteVorBescheid: String?
        var zukunft: Int
        var zukunftSumme: Cents?
        var zukunftSpaeteste: String?
        var teilnehmende = 0
        var endeVorBeginn = false
    }

    /// Starts a project: the rows of the one before are complete, its rules are decided.
    mutating func startProject(
        _ values: ProjectValues, spaeter count: Int, spaeterSumme sum: Cents?, spaeterNeueste newest: String?
    ) throws(ReportError) {
        finishProject()
        // A Kreis's sum beyond Int64 cents is the report's own data error, which `ReportBuilder`
        // raises naming the Kreis and the project as soon as it adds this project up; should it
        // not, `finish` stops with one of its own.
        let kreis = kreise[values.ags, default: (Cents(0), Cents(0))]
        kreise[values.ags] = kreis.flatMap { kreis in
            kreis.bewilligt.adding(values.bewilligt).flatMap { bewilligt in
                kreis.ausgegeben.adding(values.ausgegeben).map { (bewilligt, $0) }
            }
        }
        if count > 0 {
            guard let total = sum.flatMap({ spaeterSumme.adding($0) }) else { throw tooLarge("the bookings after the Stichtag") }
            spaeterSumme = total
            spaeter += count
            if let newest, spaeterNeueste.map({ $0 < newest }) ?? true { spaeterNeueste = newest }
        }
        current = values
    }

    /// One row of the current project: a group of its counted participations.
    mutating func addRow(teilnehmende: Int, endeVorBeginn: Int) {
        current?.teilnehmende += teilnehmende
        if endeVorBeginn > 0 { current?.endeVorBeginn = true }
    }

    private mutating func finishProject() {
        guard let p = current else { return }
        current = nil
        func row(_ regel: FindingRule) -> FindingRow {
            FindingRow(regel: regel, ags: p.ags, projektId: p.id, titel: p.titel, traeger: p.traeger)
        }
        if p.bescheidGilt && p.bewilligt < p.ausgegeben {
            var r = row(.ausgegebenUeberBewilligt)
            r.betrag1 = p.ausgegeben
            r.betrag2 = p.bewilligt
            emit(r)
        }
        if !p.bescheidGilt && p.buchungen > 0 {
            var r = row(.ausgabeOhneBescheid)
            r.betrag1 = p.ausgegeben
            r.anzahl = p.buchungen
            r.datum1 = p.bescheidAm
            emit(r)
        }
        if p.bescheidGilt && p.vorBescheid > 0 {
            var r = row(.ausgabeVorBescheid)
            r.betrag1 = p.vorBescheidSumme
            r.anzahl = p.vorBescheid
            r.datum1 = p.bescheidAm
            r.datum2 = p.ersteVorBescheid
            emit(r)
        }
        if p.endeVorBeginn { emit(row(.teilnahmeEndeVorBeginn)) }
        if p.zukunft > 0 {
            var r = row(.buchungNachDatenstand)
            r.betrag1 = p.zukunftSumme
            r.anzahl = p.zukunft
            r.datum1 = p.zukunftSpaeteste
            emit(r)
        }
        if p.ausgegeben != Cents(0) && p.teilnehmende == 0 {
            var r = row(.ausgabenOhneTeilnehmende)
            r.betrag1 = p.ausgegeben
            emit(r)
        }
    }

    private mutating func emit(_ row: FindingRow) {
        if let sink { sink(row) } else { rows.append(row) }
    }

    /// The rows of every rule, once all projects were seen.
    mutating func finish() throws(ReportError) -> [FindingRow] {
        finishProject()
        if spaeter > 0 {
            emit(
                FindingRow(regel: .buchungNachStichtag, ags: "", betrag1: spaeterSumme, anzahl: spaeter, datum1: spaeterNeueste))
        }
        let first = CalendarDate(year: year, month: 1, day: 1)
        let next = CalendarDate(year: year + 1, month: 1, day: 1)
        let tage = first.flatMap { a in next.map { $0.daysSince(a) } } ?? 365
        let vergangen = min(first.map { asOf.daysSince($0) + 1 } ?? tage, tage)
        for budget in budgets {
            guard let total = budget.vereinbart.adding(budget.aenderungen) else { throw tooLarge("the budget of \(budget.ags)") }
            if case .some(.none) = kreise[budget.ags] { throw tooLarge("Kreis \(budget.ags)") }
            let kreis = kreise[budget.ags] ?? nil
            if let kreis, total < kreis.bewilligt {
                emit(FindingRow(regel: .bewilligtUeberBudget, ags: budget.ags, betrag1: kreis.bewilligt, betrag2: total))
            }
            guard Cents(0) < total else { continue }
            let ausgegeben = kreis?.ausgegeben ?? Cents(0)
            let left = Int128(ausgegeben.value) * 100 * Int128(tage)
            let right = Int128(total.value) * (100 * Int128(vergangen) - Int128(proRataMargin) * Int128(tage))
            guard left < right else { continue }
            emit(
                FindingRow(
                    regel: .abflussUnterZeitanteil, ags: budget.ags, betrag1: ausgegeben, betrag2: total,
                    betrag3: Self.roundedLine(budget: total, vergangen: vergangen, tage: tage), anzahl: vergangen,
                    datum1: String(tage)))
        }
        return rows
    }

    /// budget × vergangen / tage in cents, rounded half away from zero (NUMERIC's `round`).
    static func roundedLine(budget: Cents, vergangen: Int, tage: Int) -> Cents {
        let numerator = Int128(budget.value) * Int128(vergangen)
        let denominator = Int128(tage)
        var quotient = numerator / denominator
        let remainder = numerator % denominator
        if 2 * remainder.magnitude >= denominator.magnitude { quotient += numerator < 0 ? -1 : 1 }
        return Cents(Int64(clamping: quotient))
    }

    private func tooLarge(_ owner: String) -> ReportError {
        ReportError(
            .dataError,
            "\(owner): a sum of the findings is beyond what the report can add up (±92.233.720.368.547.758,07 €); the amounts in the database cannot be right, correct them."
        )
    }
}

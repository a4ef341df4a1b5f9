import Logging

/// Runs the SQL of `sql/report/` for one AQB year and feeds the rows to a `ReportBuilder`.
///
/// All queries are parameterized; the per-project query is streamed row by row, so memory does
/// not grow with the number of projects, bookings or participations.
public struct ReportQueries {
    let connection: PGConnection
    /// Where a value shown other than the database holds it is named (`shownDate`).
    let logger: Logger?

    public init(connection: PGConnection, logger: Logger? = nil) {
        self.connection = connection
        self.logger = logger
    }

    /// A date column as the report shows it. `infinity`, `-infinity` and years beyond 9999 have
    /// no place in a German date, so they are shown empty; that was silent, and now the log
    /// names the row and the value, so the data can be corrected.
    func shownDate(_ row: PGRow, _ column: Int, of what: String) -> CalendarDate? {
        do { return try row.date(column) } catch {
            logger?.warning(
                "\(what) has \(row.columnName(column)) '\((row.string(column) ?? "").escapingControlCharacters)', which is no date the report can show; it is shown empty. Correct the row."
            )
            return nil
        }
    }

    /// One year's report and the rows it read: money as of the Stichtag `asOf`, counts of people
    /// as of the counting day `zaehltag` (the Stichtag when not given).
    public func yearReport(year: Int, asOf: CalendarDate, zaehltag: CalendarDate? = nil) throws -> (YearReport, RowCounts) {
        var checks: FindingChecks? = nil
        return try yearReport(year: year, asOf: asOf, zaehltag: zaehltag, checks: &checks)
    }

    /// The previous cohort as the comparison with it needs it (`VorjahrVergleich`,
    /// `VorjahrVeroeffentlichung`): the report of `yearReport(year:asOf:zaehltag:)`, every figure
    /// and count the same, but without the split of spending per calendar year (`haushaltsjahre`
    /// stays empty), which the comparison does not show; the lighter scan of issue 19.
    public func previousCohort(year: Int, asOf: CalendarDate, zaehltag: CalendarDate? = nil) throws -> YearReport {
        var checks: FindingChecks? = nil
        return try yearReport(year: year, asOf: asOf, zaehltag: zaehltag, checks: &checks, calendarYears: false).0
    }

    /// One year's report as `yearReport(year:asOf:zaehltag:)`; with `checks`, the same scan of
    /// the bookings also feeds the findings' rules on bookings and participations (issue 19: one
    /// pass, not two). Without, `projects.sql` reads only the bookings up to the Stichtag.
    func yearReport(
        year: Int, asOf: CalendarDate, zaehltag: CalendarDate?, checks: inout FindingChecks?, calendarYears: Bool = true
    ) throws -> (YearReport, RowCounts) {
        var counts = RowCounts()
        let zaehltag = zaehltag ?? asOf
        let parameters = [String(year), asOf.description]
        let kreise = try self.kreise(year: year)
        counts.gebietskoerperschaft = kreise.count
        var budgets: [Budget] = []
        try connection.stream(ReportQuery.budgets.sql, parameters, columns: [.text, .numeric, .numeric, .int8]) { row in
            let ags = try row.requiredString(0)
            let zielvereinbarung = "zielvereinbarung \(ags)/\(year)"
            budgets.append(
                Budget(
                    ags: ags, vereinbart: try amount(row, 1, of: zielvereinbarung), aenderungen: try amount(row, 2, of: zielvereinbarung)))
            counts.budgetAenderung += try row.int(3)
        }
        counts.zielvereinbarung = budgets.count
        checks?.budgets = budgets
        var builder = try ReportBuilder(
            year: year, asOf: asOf, kreise: kreise, budgets: budgets,
            massnahmenarten: try categories(.massnahmenarten), rechtskreise: try categories(.rechtskreise),
            foerderschwerpunkte: try categories(.foerderschwerpunkte))
        try connection.stream(ReportQuery.budgetChanges.sql, parameters, columns: [.text, .text, .numeric, .text, .int8]) { row in
            let id = try row.int(4)
            // A date the report cannot show (-infinity) is shown as none; the amount still counts.
            let date = shownDate(row, 1, of: "budget_aenderung \(id)")
            builder.add(
                BudgetAenderung(
                    id: id, ags: try row.requiredString(0), wirksamAm: date, betrag: try amount(row, 2, of: "budget_aenderung \(id)"),
                    grund: row.string(3)))
        }

        var current: Project?
        var unknownRechtskreis: (projekt: Int, code: String)?
        var newestCounted: CalendarDate?
        let columns: [PGType] = [
            .int8, .text, .text, .numeric, .numeric, .int8, .text, .text, .text, .int8, .int8, .int8, .int8, .text, .text, .text, .text,
            .int8, .text, .bool, .int8, .numeric, .text, .int8, .numeric, .text, .int8, .numeric, .text, .int8,
        ]
        let withChecks = checks != nil
        try connection.stream(
            ReportQuery.projects.sql,
            parameters + [zaehltag.description, withChecks ? "true" : "false", calendarYears ? "true" : "false"], columns: columns
        ) { row in
            let id = try row.int(0)
            if current?.id != id {
                if let finished = current { try builder.add(finished) }
                let code = try row.requiredString(2)
                guard let massnahmenart = builder.massnahmenart(code: code) else {
                    throw ReportError(
                        .dataError,
                        "projekt \(id) refers to massnahmenart '\(code)' missing from aqb.massnahmenart; add the code to the reference table or correct the project."
                    )
                }
                current = builder.newProject(
                    id: id, ags: try row.requiredString(1), massnahmenart: massnahmenart,
                    bewilligt: try amount(row, 3, of: "projekt \(id)"), ausgegeben: try amount(row, 4, of: "projekt \(id)"))
                if let code = row.string(15) {
                    guard let foerderschwerpunkt = builder.foerderschwerpunkt(code: code) else {
                        throw ReportError(
                            .dataError,
                            "projekt \(id) refers to foerderschwerpunkt '\(code)' missing from aqb.foerderschwerpunkt; add the code to the reference table (sql/schema/005) or correct the project."
                        )
                    }
                    current?.foerderschwerpunkt = foerderschwerpunkt
                }
                current?.titel = try row.requiredString(13)
                current?.traeger = row.string(14)
                // A date the report cannot show (infinity, a year beyond 9999) is shown as none.
                current?.bescheidAm = shownDate(row, 16, of: "projekt \(id)")
                current?.plaetzeGeplant = row.string(17) == nil ? nil : try row.int(17)
                current?.haushaltsjahre = try Self.haushaltsjahre(row.string(18), projekt: id)
                counts.projekt += 1
                counts.ausgabe += try row.int(5)
                if let newest = try row.date(6), newestCounted.map({ $0 < newest }) ?? true { newestCounted = newest }
                if withChecks, let project = current {
                    func optionalAmount(_ column: Int) throws -> Cents? {
                        row.isNull(column) ? nil : try amount(row, column, of: "projekt \(id)")
                    }
                    try checks?.startProject(
                        FindingChecks.ProjectValues(
                            id: id, ags: project.ags, titel: row.string(13), traeger: row.string(14), bescheidAm: row.string(16),
                            bescheidGilt: row.string(19) == "t", bewilligt: project.bewilligt, ausgegeben: project.ausgegeben,
                            buchungen: try row.int(5), vorBescheid: try row.int(20), vorBescheidSumme: try optionalAmount(21),
                            ersteVorBescheid: row.string(22), zukunft: try row.int(26), zukunftSumme: try optionalAmount(27),
                            zukunftSpaeteste: row.string(28)),
                        spaeter: try row.int(23), spaeterSumme: try optionalAmount(24), spaeterNeueste: row.string(25))
                }
            }
            if withChecks { checks?.addRow(teilnehmende: try row.int(9), endeVorBeginn: try row.int(29)) }
            guard let code = row.string(7) else { return }
            guard let rechtskreis = builder.rechtskreis(code: code) else {
                // Reported after the stream, with the participation's id looked up.
                if unknownRechtskreis == nil { unknownRechtskreis = (id, code) }
                return
            }
            guard let geschlecht = Geschlecht(column: row.string(8)) else {
                throw ReportError(
                    .dataError,
                    "teilnahme of projekt \(id) has geschlecht '\(row.string(8) ?? "")', allowed are w, m, d or NULL; correct the row.")
            }
            let count = try row.int(9)
            current?.rechtskreisTeilnehmende[rechtskreis] += count
            current?.geschlecht[geschlecht.index] += count
            current?.mitBehinderung += try row.int(10)
            current?.behinderungUnbekannt += try row.int(11)
            current?.aktiv += try row.int(12)
            counts.teilnahme += count
        }
        if let unknown = unknownRechtskreis {
            throw try unknownRechtskreisError(projekt: unknown.projekt, code: unknown.code)
        }
        if let finished = current { try builder.add(finished) }
        var report = try builder.build()
        report.zaehltag = zaehltag
        report.newestCountedBooking = newestCounted
        return (report, counts)
    }

    /// An amount PostgreSQL summed; a sum beyond `Int64` cents is a data error naming its owner
    /// (a schema problem is still reported as one by `PGRow.cents`).
    private func amount(_ row: PGRow, _ column: Int, of owner: String) throws -> Cents {
        if let text = row.string(column), Cents(numericText: text) == nil, Cents.isTooLarge(numericText: text) {
            throw ReportError(
                .dataError,
                "\(owner): \(row.columnName(column)) sums to \(text) €, beyond what the report can add up (±92.233.720.368.547.758,07 €); the amounts in the database cannot be right, correct them."
            )
        }
        return try row.cents(column)
    }

    /// A project's spending per calendar year, from `projects.sql`'s `jahr=betrag jahr=betrag`
    /// (an empty year for bookings dated -infinity).
    static func haushaltsjahre(_ text: String?, projekt id: Int) throws(ReportError) -> [Haushaltsjahr] {
        guard let text else { return [] }
        var result: [Haushaltsjahr] = []
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].isEmpty || Int(parts[0]) != nil else {
                throw ReportError(.software, "projekt \(id): unexpected spending per year '\(pair)' from projects.sql")
            }
            guard let amount = Cents(numericText: parts[1]) else {
                throw ReportError(
                    .dataError,
                    "projekt \(id): the bookings of one year sum to \(parts[1]) €, beyond what the report can add up (±92.233.720.368.547.758,07 €); the amounts in the database cannot be right, correct them."
                )
            }
            result.append(Haushaltsjahr(jahr: Int(parts[0]), ausgegeben: amount))
        }
        return result
    }

    /// The Kreise taking part in a year, with their Regierungsbezirk.
    public func kreise(year: Int) throws -> [Gebietskoerperschaft] {
        var kreise: [Gebietskoerperschaft] = []
        try connection.stream(ReportQuery.areas.sql, [String(year)], columns: [.text, .text, .text, .text]) { row in
            let ags = try row.requiredString(0)
            let name = try row.requiredString(3)
            guard let bezirk = Regierungsbezirk(rawValue: name) else {
                throw ReportError(
                    .dataError,
                    "gebietskoerperschaft \(ags) names regierungsbezirk '\(name)', expected Darmstadt, Gießen or Kassel; correct the row.")
            }
            kreise.append(
                Gebietskoerperschaft(ags: ags, name: try row.requiredString(1), art: try row.requiredString(2), regierungsbezirk: bezirk))
        }
        return kreise
    }

    /// The rows of a reference table (Maßnahmenarten or Rechtskreise) in `sortierung` order.
    func categories(_ query: ReportQuery) throws -> [Category] {
        var categories: [Category] = []
        try connection.stream(query.sql, [], columns: [.text, .text, .int4]) { row in
            categories.append(
                Category(code: try row.requiredString(0), bezeichnung: try row.requiredString(1), sortierung: try row.int(2)))
        }
        return categories
    }

    private func unknownRechtskreisError(projekt: Int, code: String) throws -> ReportError {
        let result = try connection.query(ReportQuery.unknownRechtskreis.sql, [String(projekt), code])
        let id = result.rowCount > 0 ? (result.row(0).string(0) ?? "?") : "?"
        return ReportError(
            .dataError,
            "teilnahme \(id) (projekt \(projekt)) refers to rechtskreis '\(code)' missing from aqb.rechtskreis; add the code to the reference table or correct the row."
        )
    }

}

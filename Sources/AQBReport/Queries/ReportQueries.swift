/// Runs the SQL of `sql/report/` for one AQB year and feeds the rows to a `ReportBuilder`.
///
/// All queries are parameterized; the per-project query is streamed row by row, so memory does
/// not grow with the number of projects, bookings or participations.
public struct ReportQueries {
    let connection: PGConnection

    public init(connection: PGConnection) { self.connection = connection }

    /// One year's report and the rows it read.
    public func yearReport(year: Int, asOf: CalendarDate) throws -> (YearReport, RowCounts) {
        var counts = RowCounts()
        let parameters = [String(year), asOf.description]
        let kreise = try self.kreise(year: year)
        counts.gebietskoerperschaft = kreise.count
        var budgets: [Budget] = []
        try connection.stream(ReportQuery.budgets.sql, parameters, columns: [.text, .numeric, .numeric, .int8]) { row in
            budgets.append(Budget(ags: try row.requiredString(0), vereinbart: try row.cents(1), aenderungen: try row.cents(2)))
            counts.budgetAenderung += try row.int(3)
        }
        counts.zielvereinbarung = budgets.count
        var builder = try ReportBuilder(
            year: year, asOf: asOf, kreise: kreise, budgets: budgets,
            massnahmenarten: try categories(.massnahmenarten), rechtskreise: try categories(.rechtskreise))

        var current: Project?
        var unknownRechtskreis: (projekt: Int, code: String)?
        let columns: [PGType] = [.int8, .text, .text, .numeric, .numeric, .int8, .text, .text, .int8]
        try connection.stream(ReportQuery.projects.sql, parameters, columns: columns) { row in
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
                let ausgegeben = try row.cents(4)
                current = builder.newProject(
                    id: id, ags: try row.requiredString(1), massnahmenart: massnahmenart,
                    bewilligt: try row.cents(3), ausgegeben: ausgegeben)
                counts.projekt += 1
                counts.ausgabe += try row.int(5)
            }
            guard let code = row.string(6) else { return }
            guard let rechtskreis = builder.rechtskreis(code: code) else {
                // Reported after the stream, with the participation's id looked up.
                if unknownRechtskreis == nil { unknownRechtskreis = (id, code) }
                return
            }
            guard let geschlecht = Geschlecht(column: row.string(7)) else {
                throw ReportError(
                    .dataError,
                    "teilnahme of projekt \(id) has geschlecht '\(row.string(7) ?? "")', allowed are w, m, d or NULL; correct the row.")
            }
            let count = try row.int(8)
            current?.rechtskreisTeilnehmende[rechtskreis] += count
            current?.geschlecht[geschlecht.index] += count
            counts.teilnahme += count
        }
        if let unknown = unknownRechtskreis {
            throw try unknownRechtskreisError(projekt: unknown.projekt, code: unknown.code)
        }
        if let finished = current { try builder.add(finished) }
        return (builder.build(), counts)
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

extension Geschlecht {
    /// Position in `Geschlecht.allCases`, the order of every per-Geschlecht array.
    var index: Int { Geschlecht.allCases.firstIndex(of: self) ?? 0 }
}

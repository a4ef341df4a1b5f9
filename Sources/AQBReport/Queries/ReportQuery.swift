/// The files of `sql/report/`, by name, so code cannot ask for a query that does not exist.
///
/// `ReportSQLTests` checks that every case has its file and every file its case.
enum ReportQuery: String, CaseIterable {
    case areas = "areas.sql"
    case budgets = "budgets.sql"
    case check = "check.sql"
    case checkContents = "check_contents.sql"
    case checkRole = "check_role.sql"
    case massnahmenarten = "massnahmenarten.sql"
    case projects = "projects.sql"
    case rechtskreise = "rechtskreise.sql"
    case runLock = "run_lock.sql"
    case runLockHolder = "run_lock_holder.sql"
    case snapshot = "snapshot.sql"
    case unknownRechtskreis = "unknown_rechtskreis.sql"

    /// The SQL text, as embedded by `scripts/embed-sql`.
    var sql: String { ReportSQL.files[rawValue] ?? "" }
}

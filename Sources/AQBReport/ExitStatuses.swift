/// Every exit status of `aqb-report`, in one table: the README's table ("Exit statuses", which a
/// test compares with `markdownTable`), `--help`, the metrics file's help line and the failure
/// alert's words all come from here. There were four copies, and `--help` had lost five of them.
public struct ExitStatusEntry: Sendable {
    /// One status, or several that mean the same (the stop signals).
    public let codes: [Int32]
    /// A few English words for `--help` and the metrics.
    public let name: String
    /// A few German words for the failure alert's subject.
    public let german: String
    /// The README's "meaning" column.
    public let meaning: String
    /// The README's "what to do" column.
    public let action: String

    init(_ codes: [Int32], name: String, german: String, meaning: String, action: String) {
        self.codes = codes
        self.name = name
        self.german = german
        self.meaning = meaning
        self.action = action
    }
}

public enum ExitStatuses {
    public static let all: [ExitStatusEntry] = [
        ExitStatusEntry(
            [0], name: "ok", german: "Erfolg",
            meaning: "all reports written",
            action: ""),
        ExitStatusEntry(
            [64], name: "usage", german: "Aufruf fehlerhaft",
            meaning: "usage: unknown flag, bad value, Stichtag before the year",
            action: "fix the command line"),
        ExitStatusEntry(
            [65], name: "data", german: "Daten nicht auswertbar oder veraltet",
            meaning:
                "data the report cannot interpret: schema or table missing, a code missing from a reference table (named with table, id and code), sums beyond what the report can add up (±92 233 720 368 547 758,07 €, named with Kreis, project or area); `verify` found a difference; `check` found a problem; a stale feed with `stale_is_error` (the report is still written)",
            action: "fix the data or the schema"),
        ExitStatusEntry(
            [69], name: "database unavailable", german: "Datenbank nicht erreichbar",
            meaning:
                "database unreachable (after `connect_attempts`); login refused, database missing or TLS failure (at once, not retried); or the connection broke during the run",
            action: "check server, network, `.pgpass`, certificates"),
        ExitStatusEntry(
            [70], name: "internal", german: "interner Fehler",
            meaning:
                "internal error; also a suppression pattern that fails its own audit, or a solver that did not finish (nothing is published)",
            action: "report it with the log"),
        ExitStatusEntry(
            [73], name: "output", german: "Ausgabe nicht schreibbar",
            meaning:
                "output not writable: a file or a link in the way (output base, year folder, lock file, `latest`, a file at `<Stichtag>`), a folder of another user, no permission, disk full",
            action: "fix the output folder"),
        ExitStatusEntry(
            [75], name: "locked", german: "ein anderer Lauf schreibt",
            meaning: "another run holds the lock (same output base, or same database and role)",
            action: "nothing; the other run is writing"),
        ExitStatusEntry(
            [76], name: "database timeout", german: "Datenbank antwortet nicht rechtzeitig",
            meaning:
                "the database did not answer in time: a table lock held longer than `lock_timeout_ms`, a statement longer than `statement_timeout_ms`",
            action: "find the blocking session in `pg_stat_activity`, or raise the limit"),
        ExitStatusEntry(
            [77], name: "database privilege", german: "Datenbankrecht fehlt",
            meaning: "the database role lacks a privilege (SELECT on a table, CONNECT)",
            action: "grant it as `sql/roles/` does"),
        ExitStatusEntry(
            [78], name: "configuration", german: "Konfiguration ungültig",
            meaning:
                "configuration invalid: unknown key, wrong type, value out of range, missing or unreadable file, password in a readable file, a file of another user or writable by everyone that names the mail program (`sendmail`)",
            action: "fix the configuration"),
        ExitStatusEntry(
            [79], name: "mail not sent", german: "Bericht geschrieben, Mail nicht versandt",
            meaning:
                "the report was written and published, but its mail was not sent as configured: invalid address, `sendmail` missing, failing, not reading the whole mail or not done within 120 s, or the mail over `mail_max_bytes` (then it left without attachments). Outside sysexits' range on purpose: every sysexits status means the work was not done",
            action: "fix the mail settings or the mail server; the report needs no rerun"),
        ExitStatusEntry(
            [129, 130, 143], name: "stopped by SIGHUP, SIGINT or SIGTERM", german: "gestoppt (SIGHUP, SIGINT, SIGTERM)",
            meaning:
                "stopped by SIGHUP, SIGINT or SIGTERM (`systemctl stop`, Ctrl-C, a closed terminal): the query was cancelled, the unfinished folders removed, both locks released. Stopped during the mail, the new reports stay published and the mail is not sent (the log line says which)",
            action: "nothing; the previous reports are unchanged, or the new ones are published and only the mail is missing"),
    ]

    /// The entry for `status`, or `nil` for a status the table does not know.
    public static func entry(_ status: Int32) -> ExitStatusEntry? { all.first { $0.codes.contains(status) } }

    /// `0 ok, 64 usage, …, 129/130/143 stopped by SIGHUP, SIGINT or SIGTERM`: for `--help` and
    /// the metrics file's help line.
    public static var summary: String {
        all.map { $0.codes.map(String.init).joined(separator: "/") + " " + $0.name }.joined(separator: ", ")
    }

    /// The README's table, row for row.
    public static var markdownTable: String {
        let rows = all.map { entry in
            "| \(entry.codes.map(String.init).joined(separator: ", ")) | \(entry.meaning) |"
                + (entry.action.isEmpty ? " |" : " \(entry.action) |")
        }
        return (["| status | meaning | what to do |", "| --- | --- | --- |"] + rows).joined(separator: "\n")
    }
}

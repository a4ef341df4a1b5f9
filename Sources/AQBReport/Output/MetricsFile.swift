#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prometheus text-format metrics for node_exporter's textfile collector.
///
/// Written atomically (temporary file, fsync, rename) so the collector never reads half a file.
/// The collector's folder is often writable by others: the temporary file has a name no one can
/// guess and is created with `O_EXCL | O_NOFOLLOW` relative to the folder's descriptor, and the
/// previous file is read only when it is a regular file (a link planted there is not followed).
/// A failed run keeps the previous `last_success` values, so an alert on their age fires when
/// the nightly report has not succeeded for too long.
public struct MetricsFile {
    public let path: String

    public init(path: String) { self.path = path }

    static let lastSuccess = "aqb_report_last_success_timestamp_seconds"

    /// - Parameters:
    ///   - perYear: rows read per AQB year; empty after a failure.
    ///   - mail: what became of the run's mails (`Mail/`); none when no mail is configured.
    ///   - published: whether the years of `perYear` were published; by default when the status
    ///     says so (0; 65 for a stale feed and 79 for a mail not sent, both after publishing). A
    ///     stop during the mail passes `true` with 143.
    public func write(
        status: Int32, finishedAt: Int, durationMs: Int, perYear: [(year: Int, rows: RowCounts)], mail: [MailOutcome] = [],
        published: Bool? = nil
    ) throws(ReportError) {
        var successes = previousSuccesses()
        if published ?? [0, 65, 79].contains(status) {
            for entry in perYear { successes[entry.year] = finishedAt }
        }
        var lines = [
            "# HELP aqb_report_last_exit_status Exit status of the last run: \(ExitStatuses.summary).",
            "# TYPE aqb_report_last_exit_status gauge",
            "aqb_report_last_exit_status \(status)",
            "# HELP aqb_report_last_run_timestamp_seconds When the last run ended, Unix time.",
            "# TYPE aqb_report_last_run_timestamp_seconds gauge",
            "aqb_report_last_run_timestamp_seconds \(finishedAt)",
            "# HELP aqb_report_last_run_duration_seconds How long the last run took.",
            "# TYPE aqb_report_last_run_duration_seconds gauge",
            "aqb_report_last_run_duration_seconds \(durationMs / 1000).\(String(1000 + durationMs % 1000).dropFirst())",
            "# HELP \(MetricsFile.lastSuccess) When a report for the AQB year was last written successfully, Unix time.",
            "# TYPE \(MetricsFile.lastSuccess) gauge",
        ]
        for (year, time) in successes.sorted(by: { $0.key < $1.key }) {
            lines.append("\(MetricsFile.lastSuccess){year=\"\(year)\"} \(time)")
        }
        lines += [
            "# HELP aqb_report_rows_read Rows the last run took into account, per AQB year and table.",
            "# TYPE aqb_report_rows_read gauge",
        ]
        for entry in perYear {
            let rows = entry.rows
            for (table, count) in [
                ("gebietskoerperschaft", rows.gebietskoerperschaft), ("zielvereinbarung", rows.zielvereinbarung),
                ("budget_aenderung", rows.budgetAenderung), ("projekt", rows.projekt), ("ausgabe", rows.ausgabe),
                ("teilnahme", rows.teilnahme),
            ] {
                lines.append("aqb_report_rows_read{year=\"\(entry.year)\",table=\"\(table)\"} \(count)")
            }
        }
        lines += MetricsFile.mailLines(mail)
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        do throws(FileSystem.Failure) {
            let (folder, name) = try location()
            try folder.replaceFile(name, bytes)
        } catch {
            throw ReportError(.cantCreate, "cannot write the metrics file: \(error); check --metrics-file and its folder's permissions.")
        }
    }

    /// The folder of the metrics file (opened once, links in the path followed as the operator
    /// named them) and the file's name in it.
    func location() throws(FileSystem.Failure) -> (Directory, String) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty, name != ".", name != ".." else {
            throw FileSystem.Failure(operation: "create", path: path, code: EISDIR, refusal: "\(path) names a folder, not a file")
        }
        return (try Directory.open(folder, followLink: true, ownedByUs: false), name)
    }

    /// The `last_success` lines of the previous file, by year (our own lines; nothing else is read).
    func previousSuccesses() -> [Int: Int] {
        guard let (folder, name) = try? location(), let bytes = try? folder.readFile(name, limit: 1 << 20) else { return [:] }
        var result: [Int: Int] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix(MetricsFile.lastSuccess + "{year=\"")
        {
            let rest = line.dropFirst(MetricsFile.lastSuccess.count + 7)
            let parts = rest.split(separator: "\"")
            if parts.count == 2, let year = Int(parts[0]), let time = Int(parts[1].dropFirst(2)) { result[year] = time }
        }
        return result
    }
}

extension MetricsFile {
    /// `aqb_report_last_mail{mail="bericht",result="sent"} 1`: one line per mail the run dealt
    /// with, so an alert can fire on `result="failed"` without parsing logs.
    static func mailLines(_ outcomes: [MailOutcome]) -> [String] {
        guard !outcomes.isEmpty else { return [] }
        return [
            "# HELP aqb_report_last_mail What became of the last run's mails: bericht (the morning mail), alarm (failure alert or all-clear).",
            "# TYPE aqb_report_last_mail gauge",
        ] + outcomes.map { "aqb_report_last_mail{mail=\"\($0.mail)\",result=\"\($0.result.rawValue)\"} 1" }
    }
}

import Foundation

/// The operator's mails: the alert at the start of a failure streak, and the all-clear at its end.
///
/// Short on purpose: what failed, the exit status and what it means, and the last log lines
/// (passwords masked), so the operator knows what to look at before logging in.
struct FailureAlert {
    var host: String
    var outputBase: String

    func alert(status: Int32, logLines: [String]) -> (subject: String, text: String) {
        let failure = logLines.last { $0.contains(" error ") || $0.contains(" critical ") }.map(FailureAlert.message) ?? "siehe Log"
        let subject = "AQB-Bericht fehlgeschlagen (Status \(status)): \(FailureAlert.meaning(status))"
        var text = "Der Lauf von aqb-report auf \(host) ist fehlgeschlagen.\n\n"
        text += "Exit-Status: \(status) (\(FailureAlert.meaning(status)))\n"
        text += "Fehler:      \(failure)\n"
        text += "Ausgabe:     \(outputBase)\n\n"
        text += "Weitere fehlgeschlagene Läufe melden sich nicht erneut; der erste erfolgreiche Lauf meldet das Ende.\n\n"
        text += "Letzte Log-Zeilen:\n" + logLines.map { "  " + $0 }.joined(separator: "\n") + "\n"
        return (subject, text)
    }

    func allClear(streak since: String, status: Int32) -> (subject: String, text: String) {
        let subject = "AQB-Bericht wieder erfolgreich"
        let text =
            "Der Lauf von aqb-report auf \(host) war wieder erfolgreich.\n\n"
            + "Die Fehlerserie seit \(since) (zuerst Status \(status): \(FailureAlert.meaning(status))) ist beendet.\n"
            + "Ausgabe: \(outputBase)\n"
        return (subject, text)
    }

    /// The text after `aqb-report: ` in a log line.
    static func message(_ line: String) -> String {
        guard let range = line.range(of: "aqb-report: ") else { return line }
        return String(line[range.upperBound...])
    }

    /// The exit status in a few German words (`ExitStatuses`).
    static func meaning(_ status: Int32) -> String { ExitStatuses.entry(status)?.german ?? "siehe README, Exit-Status" }
}

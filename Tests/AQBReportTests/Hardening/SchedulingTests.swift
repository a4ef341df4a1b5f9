import Foundation
import Testing

@testable import AQBReport

/// The nightly schedule is 04:30 Europe/Berlin on a server whose clock is UTC: Debian's cron has
/// no `CRON_TZ` (it is a cronie feature), so the cron entry must be right in UTC, and the
/// systemd timer, which knows time zones, is the recommended way.
@Suite struct SchedulingTests {
    /// The job lines of `config/aqb-report.cron` (not comments, not variables).
    static func cronJobs() throws -> [String] {
        try String(contentsOfFile: Repository.path("config/aqb-report.cron"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
            .filter { $0.first?.isNumber == true || $0.first == "*" }
    }

    @Test func theCronEntryReliesOnNoTimeZoneVariable() throws {
        let text = try String(contentsOfFile: Repository.path("config/aqb-report.cron"), encoding: .utf8)
        let settings = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("TZ=") && $0.first?.isNumber != true }
        #expect(settings.isEmpty, "Debian's cron ignores \(settings)")
    }

    /// Runs the cron entry's guard, as `/bin/sh` does, at every time cron would start the job on
    /// days around both switches of summer time: the report starts once per Berlin day, at 04:30.
    @Test func theCronEntryStartsOncePerBerlinDayAt0430() throws {
        let jobs = try Self.cronJobs()
        try #require(jobs.count == 1, "\(jobs)")
        let fields = jobs[0].split(separator: " ", maxSplits: 6).map(String.init)
        try #require(fields.count == 7, "minute hour day month weekday user command: \(jobs[0])")
        let minutes = fields[0].split(separator: ",").compactMap { Int($0) }
        let hours = fields[1].split(separator: ",").compactMap { Int($0) }
        #expect(fields[2...4] == ["*", "*", "*"])
        // cron turns `\%` into `%`; the command line runs under /bin/sh.
        let command = fields[6].replacingOccurrences(of: "\\%", with: "%")
        let guardPart = command.components(separatedBy: " && ").dropLast().joined(separator: " && ")
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try #require(TimeZone(identifier: "UTC"))
        var berlin = Calendar(identifier: .gregorian)
        berlin.timeZone = try #require(TimeZone(identifier: "Europe/Berlin"))
        for day in [
            "2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30", "2026-07-01", "2026-10-24", "2026-10-25", "2026-10-26", "2026-12-24",
        ] {
            let parts = day.split(separator: "-").compactMap { Int($0) }
            var starts: [DateComponents] = []
            for hour in hours {
                for minute in minutes {
                    let instant = try #require(
                        utc.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: hour, minute: minute)))
                    // The guard with `date` fixed to that instant (GNU date's -d @epoch).
                    let fixed = guardPart.replacingOccurrences(of: "date +", with: "date -d @\(Int(instant.timeIntervalSince1970)) +")
                    let ran =
                        guardPart.isEmpty
                        ? true : try CommandRunner.run(["-c", fixed], environment: [:], executable: "/bin/sh").status == 0
                    if ran { starts.append(berlin.dateComponents([.day, .hour, .minute], from: instant)) }
                }
            }
            #expect(starts.count == 1, "\(day): \(starts)")
            #expect(starts.allSatisfy { $0.hour == 4 && $0.minute == 30 }, "\(day): \(starts)")
        }
    }

    @Test func theSystemdTimerRunsAt0430BerlinAndTheServiceAccepts75() throws {
        let timer = try String(contentsOfFile: Repository.path("config/systemd/aqb-report.timer"), encoding: .utf8)
        #expect(timer.contains("OnCalendar=*-*-* 04:30:00 Europe/Berlin\n"))
        let service = try String(contentsOfFile: Repository.path("config/systemd/aqb-report.service"), encoding: .utf8)
        #expect(service.contains("SuccessExitStatus=75\n"))
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        #expect(readme.contains("- **systemd (recommended).**"), "the README recommends the timer")
        #expect(!readme.contains("CRON_TZ="))
    }
}

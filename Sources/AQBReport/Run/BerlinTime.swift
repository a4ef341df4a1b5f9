import Foundation

/// Times as the ministry reads them: Europe/Berlin, with the zone named, whatever the server's
/// own zone is (cron often runs in UTC).
public enum BerlinTime {
    /// The zone from the system's time zone data; `nil` where it is missing (a container
    /// without tzdata).
    static let named = TimeZone(identifier: "Europe/Berlin")

    /// Berlin's zone at `date`. Without time zone data this was a fixed UTC+1, an hour wrong all
    /// summer (the Stichtag of a run just after midnight, every time in the manifest); now it is
    /// the EU's summer-time rule (`offsetWithoutTimeZoneData`), as a fixed offset for that moment.
    public static func zone(at date: Date) -> TimeZone {
        named ?? TimeZone(secondsFromGMT: offsetWithoutTimeZoneData(at: date)) ?? .gmt
    }

    /// UTC+2 from the last Sunday of March, 01:00 UTC, to the last Sunday of October, 01:00 UTC,
    /// else UTC+1: the rule of the EU's directive 2000/84/EC, in force since 1996.
    static func offsetWithoutTimeZoneData(at date: Date) -> Int {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = .gmt
        let year = utc.component(.year, from: date)
        func lastSunday(of month: Int) -> Date? {
            guard let first = utc.date(from: DateComponents(year: year, month: month + 1, day: 1, hour: 1)) else { return nil }
            // Weekday 1 is Sunday: step back from the first of the next month to the last Sunday.
            let back = (utc.component(.weekday, from: first) + 5) % 7 + 1
            return utc.date(byAdding: .day, value: -back, to: first)
        }
        guard let start = lastSunday(of: 3), let end = lastSunday(of: 10) else { return 3600 }
        return date >= start && date < end ? 7200 : 3600
    }

    /// `2025-10-01T08:00:00+02:00`, for the manifest.
    public static func iso(_ date: Date) -> String { formatter("yyyy-MM-dd'T'HH:mm:ssxxx", at: date).string(from: date) }

    /// `01.10.2025, 08:00 Uhr MESZ (Europe/Berlin)`, for the Markdown.
    public static func german(_ date: Date) -> String {
        let offset = zone(at: date).secondsFromGMT(for: date)
        let name = offset == 7200 ? "MESZ" : (offset == 3600 ? "MEZ" : "UTC\(offset >= 0 ? "+" : "")\(offset / 3600)")
        return formatter("dd.MM.yyyy, HH:mm", at: date).string(from: date) + " Uhr \(name) (Europe/Berlin)"
    }

    /// Today's date in Berlin, the default Stichtag.
    public static func today(_ now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone(at: now)
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        // The calendar always yields a valid date; the fallback only satisfies the type.
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate.epoch
    }

    /// Parses `2025-10-01T08:00:00+02:00` (the form of `iso`).
    /// The offset is part of the text, so the zone only fills in a default.
    public static func parseISO(_ text: String) -> Date? { formatter("yyyy-MM-dd'T'HH:mm:ssxxx", at: Date()).date(from: text) }

    static func formatter(_ format: String, at date: Date) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone(at: date)
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = format
        return formatter
    }
}

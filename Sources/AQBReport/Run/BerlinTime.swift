import Foundation

/// Times as the ministry reads them: Europe/Berlin, with the zone named, whatever the server's
/// own zone is (cron often runs in UTC).
public enum BerlinTime {
    public static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600) ?? .current

    /// `2025-10-01T08:00:00+02:00`, for the manifest.
    public static func iso(_ date: Date) -> String { formatter("yyyy-MM-dd'T'HH:mm:ssxxx").string(from: date) }

    /// `01.10.2025, 08:00 Uhr MESZ (Europe/Berlin)`, for the Markdown.
    public static func german(_ date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let name = offset == 7200 ? "MESZ" : (offset == 3600 ? "MEZ" : "UTC\(offset >= 0 ? "+" : "")\(offset / 3600)")
        return formatter("dd.MM.yyyy, HH:mm").string(from: date) + " Uhr \(name) (Europe/Berlin)"
    }

    /// Today's date in Berlin, the default Stichtag.
    public static func today(_ now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        // The calendar always yields a valid date; the fallback only satisfies the type.
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? CalendarDate.epoch
    }

    /// Parses `2025-10-01T08:00:00+02:00` (the form of `iso`).
    public static func parseISO(_ text: String) -> Date? { formatter("yyyy-MM-dd'T'HH:mm:ssxxx").date(from: text) }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateFormat = format
        return formatter
    }
}

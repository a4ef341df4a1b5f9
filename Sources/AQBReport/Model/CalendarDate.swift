/// A day in the calendar, without a time or a zone.
///
/// PostgreSQL's `date` and the Stichtag are calendar dates; turning them into `Foundation.Date`
/// (an instant) is how dates get shifted by a zone. This type never does.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// Four bytes instead of three `Int`s: every project line holds its Bescheid's date, and with
    /// 62,400 projects the three words were 1.5 MiB of the run's peak (issue 19). Years are
    /// 1 to 9999, so they fit.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    /// A valid Gregorian date, or `nil` (2025-02-29 is not one).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.init(validYear: year, month: month, day: day)
    }

    /// 1970-01-01.
    static let epoch = CalendarDate(validYear: 1970, month: 1, day: 1)

    private init(validYear year: Int, month: Int, day: Int) {
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// Parses exactly `YYYY-MM-DD`, the form of the command line and of PostgreSQL's ISO output.
    ///
    /// Read from the UTF-8 bytes: every date of every project row passes here, and judging
    /// `Character`s (grapheme breaking, the Unicode numeric property) was 5 % of a year's CPU
    /// (issue 19). Ten bytes, ASCII digits but for the two hyphens, is the same set of texts.
    public init?(iso text: String) {
        var digits = (year: 0, month: 0, day: 0)
        var count = 0
        for byte in text.utf8 {
            defer { count += 1 }
            if count == 4 || count == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard count < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch count {
            case 0..<4: digits.year = digits.year * 10 + digit
            case 5..<7: digits.month = digits.month * 10 + digit
            default: digits.day = digits.day * 10 + digit
            }
        }
        guard count == 10 else { return nil }
        self.init(year: digits.year, month: digits.month, day: digits.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// German form for prose: 30.09.2025.
    public var german: String {
        let iso = description
        return "\(iso.suffix(2)).\(iso.dropFirst(5).prefix(2)).\(iso.prefix(4))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days from `other` to this date (positive when this date is later).
    public func daysSince(_ other: CalendarDate) -> Int { dayNumber - other.dayNumber }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

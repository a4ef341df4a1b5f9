/// Which day the counts of people are published for: the counting day (Zähltag).
///
/// Money is reported as of the Stichtag, people as of a counting day, as the Bundesagentur für
/// Arbeit publishes participant statistics per reporting month. With the default rule every
/// night of a month publishes the counts of the same month-end, so a nightly job shows a handful
/// of count tables per cohort year, not one per night: each new table is one more thing a reader
/// can combine with the others, and each costs the disclosure audit more (README,
/// "Zähltag und Stichtag").
public enum ZaehltagRule: String, CaseIterable, Sendable {
    /// The last month-end on or before the Stichtag (the Stichtag itself when it is one).
    case monthEnd = "month_end"
    /// The Stichtag itself: counts move every day (an ad-hoc look at one day).
    case stichtag

    /// The counting day that goes with `stichtag`.
    public func zaehltag(for stichtag: CalendarDate) -> CalendarDate {
        switch self {
        case .stichtag: stichtag
        case .monthEnd: stichtag.lastMonthEndOnOrBefore
        }
    }
}

extension CalendarDate {
    /// 30.09.2025 → 30.09.2025; 15.10.2025 → 30.09.2025; 01.01.2026 → 31.12.2025.
    public var lastMonthEndOnOrBefore: CalendarDate {
        if day == Self.daysInMonth(year: year, month: month) { return self }
        let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
        // A valid month always has a last day; the fallback is never taken.
        return CalendarDate(year: y, month: m, day: Self.daysInMonth(year: y, month: m)) ?? self
    }

    /// Whether this is the last day of its month.
    public var isMonthEnd: Bool { day == Self.daysInMonth(year: year, month: month) }
}

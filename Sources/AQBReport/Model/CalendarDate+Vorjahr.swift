extension CalendarDate {
    /// The same day one year earlier, the Stichtag of the previous year's cohort in a comparison:
    /// 30.09.2025 → 30.09.2024. A 29 February becomes the 28th, the last day of that February,
    /// so the earlier Stichtag never lies after the same point of the year.
    public var sameDayOneYearEarlier: CalendarDate {
        CalendarDate(year: year - 1, month: month, day: day) ?? CalendarDate(year: year - 1, month: month, day: day - 1) ?? self
    }
}

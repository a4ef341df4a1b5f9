import Testing

@testable import AQBReport

/// The Stichtag of the previous year's cohort: the same day one year earlier.
@Suite struct CalendarDateVorjahrTests {
    @Test(arguments: [
        ("2025-09-30", "2024-09-30"), ("2024-02-29", "2023-02-28"), ("2025-02-28", "2024-02-28"), ("2025-03-01", "2024-03-01"),
        ("2025-01-01", "2024-01-01"), ("2024-12-31", "2023-12-31"),
    ])
    func isTheSameDayOneYearEarlierAnd29FebruaryBecomesThe28th(day: String, expected: String) throws {
        let date = try #require(CalendarDate(iso: day))
        #expect(date.sameDayOneYearEarlier.description == expected)
    }
}

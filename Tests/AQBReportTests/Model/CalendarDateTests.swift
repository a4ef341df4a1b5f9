import Testing

@testable import AQBReport

@Suite struct CalendarDateTests {
    @Test(arguments: ["2025-09-30", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func parsesValidISODates(text: String) {
        #expect(CalendarDate(iso: text)?.description == text)
    }

    @Test(arguments: [
        "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-9-30", "30.09.2025", "2025-09-30T00:00",
        "", "２０２５-09-30", "2025-09-3a", "2025-09-301", " 2025-09-30", "2025-09-30 ", "+025-09-30", "2025-+9-30", "2025/09/30",
        "20250-9-30", "2025-09-٣0", "2025-09-3\u{301}0", "0000-01-01",
    ])
    func rejectsInvalidDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func ordersAndCountsDays() throws {
        let a = try #require(CalendarDate(iso: "2024-12-31"))
        let b = try #require(CalendarDate(iso: "2025-03-01"))
        #expect(a < b)
        #expect(b.daysSince(a) == 60)
        #expect(a.german == "31.12.2024")
    }
}

import Foundation
import Testing

@testable import AQBReport

/// The default Stichtag and every time shown are Berlin's, whatever zone the server runs in.
@Suite struct BerlinTimeTests {
    @Test func todayIsBerlinsDateNotUTCs() throws {
        // 22:30 UTC on 30 March 2025 is already 00:30 on 31 March in Berlin (summer time).
        let instant = Date(timeIntervalSince1970: 1_743_373_800)
        #expect(BerlinTime.today(instant) == CalendarDate(iso: "2025-03-31"))
        #expect(BerlinTime.iso(instant) == "2025-03-31T00:30:00+02:00")
        #expect(BerlinTime.german(instant) == "31.03.2025, 00:30 Uhr MESZ (Europe/Berlin)")
    }

    @Test func winterTimeIsNamedMEZ() throws {
        let instant = try #require(BerlinTime.parseISO("2025-12-24T18:00:00+01:00"))
        #expect(BerlinTime.german(instant) == "24.12.2025, 18:00 Uhr MEZ (Europe/Berlin)")
        #expect(BerlinTime.today(instant) == CalendarDate(iso: "2025-12-24"))
    }
}

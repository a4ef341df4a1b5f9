import Foundation
import Testing

@testable import AQBReport

/// The silent fallbacks the issue named, each now an error or a visible decision.
@Suite struct FallbackTests {
    /// A NULL amount is not 0,00 €: the description says the amount is unknown.
    @Test(arguments: [FindingRule.bewilligtUeberBudget, .ausgegebenUeberBewilligt, .ausgabeOhneBescheid, .budgetNegativ])
    func aMissingAmountInAFindingIsNotZero(rule: FindingRule) throws {
        let words = FindingDescription(year: 2025, asOf: try #require(CalendarDate(iso: "2025-09-30")), proRataMargin: 50)
        let text = words.text(
            FindingRow(regel: rule, ags: "06411", projektId: 1, titel: "T", betrag1: nil, betrag2: Cents(100_00), anzahl: 1))
        #expect(!text.contains("0,00 €"), "\(text)")
        #expect(text.contains("Betrag unbekannt"), "\(text)")
    }

    /// Without tzdata, Berlin time followed a fixed UTC+1, an hour wrong all summer. The rule of
    /// the EU's summer time (since 1996) gives the same offset as tzdata at every hour around
    /// each switch from 1996 to 2040.
    @Test func theFallbackForBerlinFollowsSummerTime() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = try #require(TimeZone(identifier: "UTC"))
        for year in 1996...2040 {
            for month in [3, 10] {
                for day in 24...31 {
                    for hour in 0..<24 {
                        let instant = try #require(
                            utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: 30)))
                        #expect(
                            BerlinTime.offsetWithoutTimeZoneData(at: instant) == zone.secondsFromGMT(for: instant),
                            "\(instant)")
                    }
                }
            }
            let july = try #require(utc.date(from: DateComponents(year: year, month: 7, day: 1)))
            #expect(BerlinTime.offsetWithoutTimeZoneData(at: july) == 7200)
        }
    }
}

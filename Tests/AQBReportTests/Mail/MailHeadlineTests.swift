import Foundation
import Testing

@testable import AQBReport

/// The subject line: years, Stichtag, Hessen's Mittelabfluss, and the findings once they exist.
@Suite struct MailHeadlineTests {
    /// A report with only the Land: `spent` of a budget of 1 000,00 €.
    static func report(year: Int, spentCents: Int64) throws -> MailDigest {
        var figures = Figures(massnahmenartCount: 0, rechtskreisCount: 0)
        figures.budgetVereinbart = Cents(100_000)
        figures.budgetAenderungen = Cents(0)
        figures.ausgegeben = Cents(spentCents)
        return MailDigest(
            YearReport(
                year: year, asOf: try #require(CalendarDate(year: 2024, month: 9, day: 30)), massnahmenarten: [], rechtskreise: [],
                areas: [Area(ebene: .land, key: "06", name: "Hessen", parentKey: nil)], figures: [figures]))
    }

    @Test func todaysSubjectNeedsNoFindings() throws {
        let headline = MailHeadline(years: [try Self.report(year: 2024, spentCents: 61_800)], disclosureControl: true)
        #expect(headline.subject == "AQB 2024, Stand 30.09.2024: 61,8\u{00A0}% abgeflossen")
    }

    @Test(arguments: [(0, ", keine Auffälligkeiten"), (1, ", 1 Auffälligkeit"), (3, ", 3 Auffälligkeiten")])
    func findingsJoinTheSubjectThroughTheHook(count: Int, suffix: String) throws {
        let headline = MailHeadline(
            years: [try Self.report(year: 2024, spentCents: 61_800)], disclosureControl: true, auffaelligkeiten: count)
        #expect(headline.subject == "AQB 2024, Stand 30.09.2024: 61,8\u{00A0}% abgeflossen" + suffix)
    }

    @Test func severalYearsAndAnInternalReport() throws {
        let years = [try Self.report(year: 2023, spentCents: 98_000), try Self.report(year: 2024, spentCents: 61_800)]
        let headline = MailHeadline(years: years, disclosureControl: false)
        #expect(headline.subject == "AQB 2023 und 2024 (intern), Stand 30.09.2024: 98,0\u{00A0}% und 61,8\u{00A0}% abgeflossen")
    }

    @Test func enumerations() {
        #expect(MailHeadline.enumeration(["2023", "2024", "2025"]) == "2023, 2024 und 2025")
        #expect(MailHeadline.enumeration(["2024"]) == "2024")
    }
}

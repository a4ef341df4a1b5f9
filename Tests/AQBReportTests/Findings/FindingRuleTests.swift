import Foundation
import Testing

@testable import AQBReport

/// The catalogue: stable codes, each decided in exactly one place (a branch of the SQL file, or
/// `FindingChecks` for the rules on bookings and participations, issue 19) and with its line in
/// the README, and the order every file uses.
@Suite struct FindingRuleTests {
    @Test func everyRuleHasItsBranchInTheSQLAndItsLineInTheREADME() throws {
        let readme = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        for rule in FindingRule.allCases {
            let inSQL = ReportQuery.findings.sql.contains("SELECT '\(rule.code)'")
            #expect(
                inSQL != FindingChecks.rules.contains(rule),
                "\(rule.code) has no branch in findings.sql and is no rule of FindingChecks, or both")
            #expect(readme.contains("| `\(rule.code)` | \(rule.schwere.rawValue) |"), "\(rule.code) has no line in the README")
            #expect(!rule.erklaerung.isEmpty)
        }
        #expect(Set(FindingRule.allCases.map(\.code)).count == FindingRule.allCases.count)
    }

    @Test func onlyTwoRulesRevealABoundOnAProjectsParticipants() {
        let bounds = FindingRule.allCases.compactMap { rule in rule.impliesParticipants.map { (rule, $0) } }
        #expect(bounds.map(\.0) == [.teilnahmeEndeVorBeginn, .ausgabenOhneTeilnehmende])
        #expect(bounds.map(\.1) == [.atLeastOne, .zero])
    }

    @Test func findingsAreOrderedBySeverityAreaProjectAndRule() {
        let findings = [
            Finding(regel: .buchungNachStichtag, ags: "", projektId: nil, beschreibung: "h"),
            Finding(regel: .ausgabenOhneTeilnehmende, ags: "06411", projektId: 2, beschreibung: "w"),
            Finding(regel: .ausgabeVorBescheid, ags: "06411", projektId: 2, beschreibung: "w"),
            Finding(regel: .ausgabeOhneBescheid, ags: "06412", projektId: 1, beschreibung: "f"),
            Finding(regel: .budgetNegativ, ags: "06412", projektId: nil, beschreibung: "f"),
            Finding(regel: .jahrOhneDaten, ags: "", projektId: nil, beschreibung: "f"),
        ]
        #expect(
            Finding.ordered(findings).map(\.regel) == [
                // Same severity, area and project: by code, and AUSGABEN_… sorts before AUSGABE_… ("N" < "_").
                .jahrOhneDaten, .budgetNegativ, .ausgabeOhneBescheid, .ausgabenOhneTeilnehmende, .ausgabeVorBescheid, .buchungNachStichtag,
            ])
        #expect(Finding.ordered(findings.reversed()) == Finding.ordered(findings))
    }

    @Test func theMarginIsASettingFromEverySource() throws {
        let asOf = try #require(CalendarDate(year: 2025, month: 9, day: 30))
        #expect(try Settings.environment(["AQB_PRO_RATA_MARGIN": "7"]).request(asOf: asOf).proRataMargin == 7)
        #expect(Settings().request(asOf: asOf).proRataMargin == 50)
        #expect(throws: ConfigError.self) { try Settings.environment(["AQB_PRO_RATA_MARGIN": "101"]) }
    }
}

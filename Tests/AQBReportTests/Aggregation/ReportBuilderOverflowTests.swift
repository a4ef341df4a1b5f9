import Testing

@testable import AQBReport

/// Sums beyond `Int64` cents are data errors naming where they happen, never a trap.
@Suite struct ReportBuilderOverflowTests {
    static let kreise = [
        Gebietskoerperschaft(ags: "06411", name: "Darmstadt", art: "kreisfreie Stadt", regierungsbezirk: .darmstadt),
        Gebietskoerperschaft(ags: "06611", name: "Kassel", art: "kreisfreie Stadt", regierungsbezirk: .kassel),
    ]
    static let arten = [Category(code: "A", bezeichnung: "A", sortierung: 1)]
    static let rechtskreise = [Category(code: "SGB II", bezeichnung: "SGB II", sortierung: 1)]
    static let near = Cents(Int64.max - 5)

    func builder(budgets: [Budget] = []) throws -> ReportBuilder {
        try ReportBuilder(
            year: 2024, asOf: #require(CalendarDate(iso: "2025-09-30")), kreise: Self.kreise, budgets: budgets,
            massnahmenarten: Self.arten, rechtskreise: Self.rechtskreise)
    }

    @Test func twoProjectsBeyondInt64InOneKreisNameTheKreisAndTheProject() throws {
        var builder = try builder()
        try builder.add(builder.newProject(id: 1, ags: "06411", massnahmenart: 0, bewilligt: .zero, ausgegeben: Self.near))
        let error = #expect(throws: ReportError.self) {
            try builder.add(builder.newProject(id: 2, ags: "06411", massnahmenart: 0, bewilligt: .zero, ausgegeben: Cents(10)))
        }
        #expect(error?.status == .dataError)
        #expect(
            error?.message.contains("Darmstadt (06411)") == true && error?.message.contains("projekt 2") == true,
            "\(String(describing: error))")
    }

    @Test func kreiseBeyondInt64TogetherNameTheLand() throws {
        var builder = try builder()
        try builder.add(builder.newProject(id: 1, ags: "06411", massnahmenart: 0, bewilligt: .zero, ausgegeben: Self.near))
        try builder.add(builder.newProject(id: 2, ags: "06611", massnahmenart: 0, bewilligt: .zero, ausgegeben: Self.near))
        let error = #expect(throws: ReportError.self) { _ = try builder.build() }
        #expect(error?.status == .dataError)
        #expect(error?.message.contains("Hessen") == true, "\(String(describing: error))")
    }

    @Test func aTinyBudgetWithHugeSpendingIsADataErrorNotATrap() throws {
        var builder = try builder(budgets: [Budget(ags: "06411", vereinbart: Cents(1), aenderungen: .zero)])
        try builder.add(
            builder.newProject(id: 1, ags: "06411", massnahmenart: 0, bewilligt: .zero, ausgegeben: Cents(10_000_000_000_000_000)))
        let error = #expect(throws: ReportError.self) { _ = try builder.build() }
        #expect(error?.status == .dataError)
        #expect(error?.message.contains("06411") == true, "\(String(describing: error))")
    }

    @Test func percentageBeyondIntIsNil() {
        #expect(Percentage.tenths(of: Cents(Int64.max), per: Cents(1)) == nil)
        #expect(Percentage.tenths(of: Cents(5), per: .zero) == nil)
    }

    @Test func tooLargeAmountsAreToldFromMalformedOnes() {
        #expect(Cents.isTooLarge(numericText: "100000000000000000000.00"))
        #expect(Cents.isTooLarge(numericText: "-99999999999999999999"))
        #expect(!Cents.isTooLarge(numericText: "1.001"))
        #expect(!Cents.isTooLarge(numericText: "NaN"))
        #expect(!Cents.isTooLarge(numericText: "12.50"))
    }
}

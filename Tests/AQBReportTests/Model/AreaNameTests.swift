import Testing

@testable import AQBReport

/// Names that cannot be confused, from `art` and not from a list of names.
@Suite struct AreaNameTests {
    static func kreis(_ ags: String, _ name: String, _ art: String) -> Gebietskoerperschaft {
        Gebietskoerperschaft(ags: ags, name: name, art: art, regierungsbezirk: .kassel)
    }

    @Test func citiesAndLandkreiseOfTheSameNameSayWhichIsWhich() {
        let names = AreaName.distinct([
            Self.kreis("06413", "Offenbach am Main", "kreisfreie Stadt"),
            Self.kreis("06438", "Offenbach", "Landkreis"),
            Self.kreis("06611", "Kassel", "kreisfreie Stadt"),
            Self.kreis("06633", "Kassel", "Landkreis"),
            Self.kreis("06412", "Frankfurt am Main", "kreisfreie Stadt"),
            Self.kreis("06531", "Gießen", "Landkreis"),
            Self.kreis("06435", "Main-Kinzig-Kreis", "Landkreis"),
            Self.kreis("06436", "Main-Taunus-Kreis", "Landkreis"),
        ])
        #expect(
            names == [
                "Offenbach am Main, Stadt", "Offenbach, Landkreis", "Kassel, Stadt", "Kassel, Landkreis", "Frankfurt am Main",
                "Gießen", "Main-Kinzig-Kreis", "Main-Taunus-Kreis",
            ])
    }

    @Test func aNewAreaIsNamedByTheSameRule() {
        // Hanau, a kreisfreie Stadt since 2026, beside a hypothetical Landkreis "Hanau-Land".
        let names = AreaName.distinct([Self.kreis("06999", "Hanau", "kreisfreie Stadt"), Self.kreis("06998", "Hanau-Land", "Landkreis")])
        #expect(names == ["Hanau, Stadt", "Hanau-Land, Landkreis"])
        #expect(AreaName.distinct([Self.kreis("06999", "Hanau", "kreisfreie Stadt")]) == ["Hanau"])
    }
}

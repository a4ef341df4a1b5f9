/// Names of Kreise that a reader cannot confuse.
///
/// Two rows reading just "Kassel" (the city 06611 and the Landkreis 06633), or "Offenbach" beside
/// "Offenbach am Main", are a trap in every table. The statistical offices add the kind of area
/// where names could be confused ("Kassel, Stadt", "Kassel, Landkreis"). So does the report:
/// where the name of one Kreis of a report is the name of another, or begins it as a whole word
/// ("Offenbach" and "Offenbach am Main", "Darmstadt" and "Darmstadt-Dieburg"), both are written
/// with their `art` from `aqb.gebietskoerperschaft`. No list of names is kept in the code.
public enum AreaName {
    /// The name to show for each Kreis, in the order given.
    public static func distinct(_ kreise: [Gebietskoerperschaft]) -> [String] {
        let names = kreise.map { $0.name.lowercased() }
        return kreise.indices.map { index in
            let ambiguous = names.indices.contains { $0 != index && confusable(names[$0], names[index]) }
            return ambiguous ? "\(kreise[index].name), \(label(kreise[index].art))" : kreise[index].name
        }
    }

    /// Equal, or one begins the other as a whole word.
    static func confusable(_ a: String, _ b: String) -> Bool {
        a == b || [" ", "-"].contains { b.hasPrefix(a + $0) || a.hasPrefix(b + $0) }
    }

    /// "kreisfreie Stadt" reads as "Stadt" after a comma, as the statistical offices write it.
    static func label(_ art: String) -> String {
        art == "kreisfreie Stadt" ? "Stadt" : art
    }
}

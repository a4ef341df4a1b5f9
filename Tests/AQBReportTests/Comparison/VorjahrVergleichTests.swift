import Foundation
import Testing

@testable import AQBReport

/// The comparison with the previous cohort, end to end against the sample data: it reconciles to
/// the cent with a separate run of the previous year, marks areas that differ between the years,
/// and never publishes a previous-year count the previous year's own pattern withholds.
@Suite struct VorjahrVergleichTests {
    let database: TestDatabase

    init() throws {
        database = try TestDatabase()
        try database.loadSample()
        try database.load(String(contentsOfFile: Repository.fixtures + "/vorjahr.sql", encoding: .utf8))
    }

    /// A CSV file's rows keyed by `ags`.
    static func byAgs(_ files: ReportFiles, _ name: String) throws -> [String: [String: String]] {
        let (header, rows) = try files.rows(name)
        var result: [String: [String: String]] = [:]
        for row in rows { result[row[1]] = Dictionary(uniqueKeysWithValues: zip(header, row)) }
        return result
    }

    static func cents(_ text: String?) -> Cents? {
        guard let text, !text.isEmpty else { return nil }
        return Cents(numericText: text.replacingOccurrences(of: ",", with: "."))
    }

    @Test(arguments: CSVFormat.allCases)
    func theComparisonReconcilesToTheCentWithASeparateRunOfThePreviousYear(format: CSVFormat) throws {
        let current = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", format: format)
        // A run of its own, into a folder of its own: what a reader of the 2024 report at that day has.
        let previous = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", format: format)
        let (header, _) = try current.rows("vorjahr.csv")
        #expect(header == VorjahrCSV.header)
        let vorjahr = try Self.byAgs(current, "vorjahr.csv")
        let jetzt = try current.kreise()
        let damals = try previous.kreise()
        #expect(Set(vorjahr.keys) == Set(jetzt.keys).union(damals.keys))
        let separator = format.decimalSeparator
        for (ags, row) in vorjahr {
            for (column, source) in [
                ("budget", "budget_eur"), ("bewilligt", "bewilligt_eur"), ("ausgegeben", "ausgegeben_eur"), ("abfluss", "abfluss_prozent"),
            ] {
                let suffix = column == "abfluss" ? "_prozent" : "_eur"
                #expect(row[column + suffix] == (jetzt[ags]?[source] ?? ""), "\(ags) \(column)")
                #expect(row[column + "_vorjahr" + suffix] == (damals[ags]?[source] ?? ""), "\(ags) \(column) vorjahr")
            }
            #expect(row["teilnehmende"] == (jetzt[ags]?["teilnehmende"] ?? ""), "\(ags)")
            // The same data and the same published reports give the same pattern: the count a
            // direct run of 2024 at 30.09.2024 publishes, `*` where it withholds one.
            #expect(row["teilnehmende_vorjahr"] == (damals[ags]?["teilnehmende"] ?? ""), "\(ags)")
            guard row["vergleichbar"] == "ja" else {
                for column in ["budget_veraenderung_eur", "bewilligt_veraenderung_eur", "teilnehmende_veraenderung"] {
                    #expect(row[column] == "", "\(ags) \(column)")
                }
                continue
            }
            // An aggregate compared over the Kreise of both years: its changes are those Kreise's
            // (`anAreaOfOneYearOnlyIsNotComparedAndItsBezirkAndTheLandAreComparedWithoutIt`).
            if row["grund"]?.hasPrefix("verglichen über") == true { continue }
            for column in ["budget", "bewilligt", "ausgegeben"] {
                let new = Self.cents(row[column + "_eur"])
                let old = Self.cents(row[column + "_vorjahr_eur"])
                guard let new, let old else {
                    #expect(row[column + "_veraenderung_eur"] == "", "\(ags) \(column)")
                    continue
                }
                let change = try #require(Self.cents(row[column + "_veraenderung_eur"]), "\(ags) \(column)")
                #expect(change == new - old, "\(ags) \(column)")
                let percent =
                    old <= .zero || new <= .zero
                    ? ""
                    : NumberFormat.plainPercent(
                        try #require(Percentage.tenths(of: new - old, per: Cents(abs(old.value)))), decimalSeparator: separator)
                #expect(row[column + "_veraenderung_prozent"] == percent, "\(ags) \(column)")
            }
            let (new, old) = (row["teilnehmende"] ?? "", row["teilnehmende_vorjahr"] ?? "")
            if new == "*" || old == "*" {
                #expect(row["teilnehmende_veraenderung"] == "*", "\(ags)")
            } else {
                #expect(row["teilnehmende_veraenderung"] == String((Int(new) ?? -1) - (Int(old) ?? -1)), "\(ags)")
            }
        }
        // The Land's previous-year money is the sum of its Kreise, to the cent.
        let kreise = vorjahr.values.filter { $0["ebene"] == "Kreis" }
        for column in ["bewilligt_vorjahr_eur", "ausgegeben_vorjahr_eur"] {
            let sum = kreise.compactMap { Self.cents($0[column]) }.reduce(Cents.zero, +)
            #expect(Self.cents(vorjahr["06"]?[column]) == sum, "\(column)")
        }
    }

    /// Hessen and Darmstadt, whose Kreise differ by Neustadt, are compared over the Kreise of both
    /// years: each change is the sum of those Kreise's changes, and the footnote names Neustadt.
    @Test func anAreaOfOneYearOnlyIsNotComparedAndItsBezirkAndTheLandAreComparedWithoutIt() throws {
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let vorjahr = try Self.byAgs(files, "vorjahr.csv")
        let neu = try #require(vorjahr["06499"])
        #expect(neu["vergleichbar"] == "nein")
        #expect(neu["grund"] == "nur im AQB-Jahr 2025")
        #expect(neu["bewilligt_eur"] == "90000,00" && neu["bewilligt_vorjahr_eur"] == "" && neu["bewilligt_veraenderung_eur"] == "")
        #expect(neu["teilnehmende"] == "12" && neu["teilnehmende_vorjahr"] == "" && neu["teilnehmende_veraenderung"] == "")
        for aggregate in ["06", "064"] {
            let row = try #require(vorjahr[aggregate])
            #expect(row["vergleichbar"] == "ja", "\(aggregate)")
            #expect(row["grund"] == "verglichen über die Kreise beider Jahre, ohne 06499 Neustadt (nur 2025)", "\(aggregate)")
            // The Kreise of both years under it, read from the same file.
            let kreise = vorjahr.values.filter {
                $0["ebene"] == "Kreis" && $0["vergleichbar"] == "ja" && ($0["ags"] ?? "").hasPrefix(aggregate)
            }
            #expect(kreise.count > 3)
            for column in ["budget_veraenderung_eur", "bewilligt_veraenderung_eur", "ausgegeben_veraenderung_eur"] {
                let sum = kreise.reduce(Cents.zero) { $0.adding(Self.cents($1[column]) ?? .zero) ?? .zero }
                #expect(Self.cents(row[column]) == sum, "\(aggregate) \(column)")
            }
            let changes = kreise.map { $0["teilnehmende_veraenderung"] ?? "" }
            if changes.allSatisfy({ Int($0) != nil }) {
                #expect(row["teilnehmende_veraenderung"] == String(changes.reduce(0) { $0 + (Int($1) ?? 0) }), "\(aggregate)")
            } else {
                // Kleinkreis's counts are `*`: the change over the common Kreise needs them, unless
                // Hessen minus Neustadt is published in both years.
                #expect(row["teilnehmende_veraenderung"] != "", "\(aggregate)")
            }
        }
        for comparable in ["065", "066", "06411", "06639"] {
            #expect(vorjahr[comparable]?["vergleichbar"] == "ja", "\(comparable)")
            #expect(vorjahr[comparable]?["grund"] == "", "\(comparable)")
        }

        // bericht.md says the same, in words a reader understands, and keeps the tables intact.
        let markdown = try files.text("bericht.md")
        let tables = Cmark.tables(try Cmark.html(markdown))
        let geld = try #require(tables.first { $0.header.contains("Bewilligt 2024") })
        let abfluss = try #require(tables.first { $0.header.contains("Teilnehmende 2024") })
        #expect(geld.rows.count == vorjahr.count && abfluss.rows.count == vorjahr.count)
        for table in [geld, abfluss] {
            let row = try #require(table.rows.first { $0[1] == "06499" })
            #expect(row.last == ChangeFormat.nichtVergleichbar)
            #expect(table.rows.allSatisfy { $0.count == table.header.count })
        }
        #expect(markdown.contains("- Neustadt (06499): nur im AQB-Jahr 2025"))
        #expect(markdown.contains("- Hessen (06): verglichen über die Kreise beider Jahre, ohne 06499 Neustadt (nur 2025)"))
        // The key figures of Hessen: the previous value beside it, no change of unlike areas.
        let hessen = try #require(tables.first { $0.header.first == "Kennzahl" })
        #expect(hessen.header == ["Kennzahl", "Hessen", "2024 (zum 30.09.2024)", "Veränderung"])
        let bewilligt = try #require(hessen.rows.first { $0[0] == "Bewilligt" })
        #expect(Cmark.text(bewilligt[2]) == NumberFormat.euro(try #require(Self.cents(vorjahr["06"]?["bewilligt_vorjahr_eur"]))))
        let change = try #require(Self.cents(vorjahr["06"]?["bewilligt_veraenderung_eur"]))
        #expect(bewilligt[3].hasPrefix(ChangeFormat.euro(.wert(change), percentOf: nil)), "\(bewilligt)")
        #expect(markdown.contains("Veränderungen verglichen über die Kreise beider Jahre, ohne 06499 Neustadt (nur 2025)."))
    }

    @Test func aSuppressedCountAndItsChangeStaySuppressedAndTheFolderPassesTheAudit() throws {
        let out = try TemporaryFolder()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", folder: out)
        let vorjahr = try Self.byAgs(files, "vorjahr.csv")
        let klein = try #require(vorjahr["06639"])
        #expect(klein["teilnehmende"] == "*" && klein["teilnehmende_vorjahr"] == "*" && klein["teilnehmende_veraenderung"] == "*")
        // Money is no count of people: its change is shown.
        #expect(klein["ausgegeben_veraenderung_eur"] == "1500,15")
        for row in vorjahr.values {
            #expect(row["teilnehmende_vorjahr"] != "1" && row["teilnehmende_vorjahr"] != "2", "\(row["ags"] ?? "")")
        }
        let audit = try CommandRunner.run(["audit", files.path])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
    }

    @Test func aPublishedFolderOfThatDayIsTakenAsItIs() throws {
        let out = try TemporaryFolder()
        let earlier = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", folder: out)
        let published = try earlier.kreise()
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", folder: out)
        let vorjahr = try Self.byAgs(files, "vorjahr.csv")
        for (ags, row) in published { #expect(vorjahr[ags]?["teilnehmende_vorjahr"] == row["teilnehmende"], "\(ags)") }
        #expect(
            try files.text("bericht.md").contains("sind die des veröffentlichten Bericht 2024 zum 30.09.2024, mit denselben Sperrungen"))
    }

    @Test func aRevisedFolderOfThatDayKeepsItsStars() throws {
        let out = try TemporaryFolder()
        let earlier = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30", folder: out)
        #expect(try earlier.kreise()["06639"]?["teilnehmende"] == "*")
        // Two late entries: 06639 now has 3 participations at 30.09.2024, which a pattern of its
        // own would publish; the folder a reader holds withheld the count, so it stays withheld.
        try database.load(
            """
            INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt, geschlecht, schwerbehinderung) VALUES
                (99000102, 990001, 'SGB II', '2024-05-01', NULL, 'w', NULL),
                (99000103, 990001, 'SGB II', '2024-06-01', NULL, 'm', NULL);
            """)
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", folder: out)
        let vorjahr = try Self.byAgs(files, "vorjahr.csv")
        for (ags, row) in try earlier.kreise() where row["teilnehmende"] == "*" {
            #expect(vorjahr[ags]?["teilnehmende_vorjahr"] == "*", "\(ags)")
        }
        let separate = try ReportFiles(database: database, year: 2024, asOf: "2024-09-30")
        #expect(try separate.kreise()["06639"]?["teilnehmende"] == "3", "a pattern of its own would publish it")
        #expect(try files.text("bericht.md").contains("wie ein eigener Bericht 2024 zum 30.09.2024"))
        let audit = try CommandRunner.run(["audit", files.path])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
    }

    /// Later reports of the previous cohort take the comparison as one of its published reports,
    /// so no report of 2024 is audited without the counts a 2025 folder showed of it.
    @Test(arguments: ["2024-10-31", "2024-09-30"])
    func aLaterReportOfThePreviousYearTakesTheComparisonAsAPublishedReport(asOf: String) throws {
        let out = try TemporaryFolder()
        let current = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30", folder: out)
        let folder = try Directory.open(current.path, followLink: false, ownedByUs: false)
        let counts = try PublishedVorjahrNeighbours.read(folder)
        let vorjahr = try Self.byAgs(current, "vorjahr.csv")
        #expect(counts.keys == vorjahr.values.filter { $0["teilnehmende_vorjahr"] != "" }.map { $0["ags"] ?? "" }.sorted())
        for (area, key) in counts.keys.enumerated() {
            #expect(counts.values[area][0].map(String.init) ?? "*" == vorjahr[key]?["teilnehmende_vorjahr"], "\(key)")
        }

        let previous = try ReportFiles(database: database, year: 2024, asOf: asOf, folder: out)
        let manifest = try Manifest.decode(Array(try Data(contentsOf: URL(fileURLWithPath: previous.path + "/manifest.json"))))
        #expect(manifest.disclosure?.neighbours.contains("2024-09-30") == true, "\(manifest.disclosure?.neighbours ?? [])")
        let audit = try CommandRunner.run(["audit", previous.path])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
    }

    /// The previous year's counts are published only beside `vorjahr.csv`, which later reports of
    /// that cohort read back; a `bericht.md` alone does not compare.
    @Test func withoutTheCSVFilesThereIsNoComparison() throws {
        let out = try TemporaryFolder()
        let result = try CommandRunner.run([
            "report", "--year", "2025", "--as-of", "2025-09-30", "--out", out.path, "--db", database.reportConninfo, "--format", "md",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(out.list("2025/2025-09-30") == ["bericht.md", "kreise", "manifest.json"])
        let markdown = try String(contentsOfFile: out.path + "/2025/2025-09-30/bericht.md", encoding: .utf8)
        #expect(!markdown.contains("Vorjahresvergleich") && !markdown.contains("2024 (zum"))
    }

    /// A Kreis that did not exist last year has `–` (nothing there) beside its count on its sheet,
    /// not `*` (a withheld count); an empty Rechtskreis table is no 100 %.
    @Test func anAreaNewThisYearShowsADashNotAStarForLastYear() throws {
        let files = try ReportFiles(database: database, year: 2025, asOf: "2025-09-30")
        let sheet = try #require(
            try FileManager.default.contentsOfDirectory(atPath: files.path + "/kreise").first {
                $0.hasPrefix("06499-") && $0.hasSuffix(".md")
            })
        let tables = Cmark.tables(try Cmark.html(try files.text("kreise/" + sheet)))
        let kennzahlen = try #require(tables.first { $0.header.first == "Kennzahl" })
        let teilnahmen = try #require(kennzahlen.rows.first { $0[0].hasPrefix("Teilnahmen (Eintritte") })
        #expect(teilnahmen.count == 4 && teilnahmen[2] == MarkdownReport.dash, "\(teilnahmen)")
        #expect(!teilnahmen.contains(Suppression.symbol), "\(teilnahmen)")
        let budget = try #require(kennzahlen.rows.first { $0[0] == "Budget" })
        #expect(budget[2] == MarkdownReport.dash, "\(budget)")
    }

    /// No percentage change from or to a value of 0 or below: −25.000 € to 0 € is not +100 %.
    @Test(
        arguments: [
            (-2_500_000, 0, nil), (0, 100, nil), (-100, 100, nil), (100, 0, nil), (100, -50, nil), (1_000, 1_500, 500), (1_000, 500, -500),
        ] as [(Int64, Int64, Int?)])
    func aPercentageOnlyBetweenPositiveValues(old: Int64, new: Int64, tenths: Int?) {
        let change: Veraenderung<Cents> = .money(Cents(new), Cents(old), comparable: true)
        #expect(VorjahrZeile.prozent(change, of: Cents(old)) == tenths)
    }
}

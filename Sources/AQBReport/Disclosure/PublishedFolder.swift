import Foundation
import SwiftCSV

/// Reads the participant counts of a published report folder back from its CSV files, as any
/// reader of the files can: the input of `aqb-report audit` and of the link to earlier reports.
///
/// Both dialects are read: a byte order mark means `de` (`;`), none means `rfc4180` (`,`). The
/// manifest, when there is one, tells whether a `*` may hide a 0; without it the reader assumes
/// the earlier rule, under which a `*` was never 0 (the stronger attacker).
public enum PublishedFolder {
    /// A folder that cannot be read as a report.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads the folder an analyst named (a link there, such as `latest`, is followed).
    public static func read(_ folder: String) throws(ReadError) -> PublishedCounts {
        let directory: Directory
        do { directory = try Directory.open(folder, followLink: true, ownedByUs: false) } catch {
            throw ReadError(description: "cannot open \(folder): \(error)")
        }
        return try read(directory)
    }

    /// Reads an opened folder: only regular files inside it, each at most as large as
    /// `Manifest.defaultFileLimit` (a folder under the output base may be someone else's doing).
    static func read(_ directory: Directory) throws(ReadError) -> PublishedCounts {
        let folder = directory.path
        let kreise = try table(directory, "kreise.csv")
        let massnahmenarten = try table(directory, "massnahmenarten.csv")
        let rechtskreise = try table(directory, "rechtskreise.csv")

        let ebene = try column(kreise, "ebene", "kreise.csv")
        let ags = try column(kreise, "ags", "kreise.csv")
        let totalColumn = try column(kreise, "teilnehmende", "kreise.csv")
        let genderColumns = try Geschlecht.allCases.map { geschlecht throws(ReadError) in
            try column(kreise, "teilnehmende_\(geschlecht.columnSuffix)", "kreise.csv")
        }
        let keys = kreise.rows.map { $0[ags] }
        guard keys.count <= maximumAreas else {
            throw ReadError(
                description: "\(folder)/kreise.csv lists \(keys.count) areas; a report of Hessen has a few dozen (at most \(maximumAreas))")
        }
        let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard position.count == keys.count else { throw ReadError(description: "\(folder)/kreise.csv lists an area twice") }
        // A parent is the area with the longest key that starts this one's and sits one level up
        // (Land `06` → Regierungsbezirk `064` → Kreis `06411`).
        let levels = ["Land": 0, "Regierungsbezirk": 1, "Kreis": 2]
        let level = try kreise.rows.map { row throws(ReadError) in
            guard let level = levels[row[ebene]] else {
                throw ReadError(description: "\(folder)/kreise.csv: unknown ebene '\(row[ebene])'")
            }
            return level
        }
        let parents = Self.parents(keys: keys, level: level)

        let (artCodes, artCounts) = try categoryCounts(massnahmenarten, "massnahmenart", "massnahmenarten.csv", folder)
        let (kreisCodes, kreisCounts) = try categoryCounts(rechtskreise, "rechtskreis", "rechtskreise.csv", folder)
        // Files and columns that reports before the autumn review did not have: read when there.
        let foerderschwerpunkte =
            directory.kind("foerderschwerpunkte.csv") == .missing ? nil : try table(directory, "foerderschwerpunkte.csv")
        var (schwerpunktCodes, schwerpunktCounts) =
            try foerderschwerpunkte.map { table throws(ReadError) in
                try categoryCounts(table, "foerderschwerpunkt", "foerderschwerpunkte.csv", folder)
            } ?? ([], [:])
        schwerpunktCodes.removeAll { $0 == Suppression.ohneFoerderschwerpunkt }
        let inclusionColumns = ["teilnehmende_mit_behinderung", "teilnehmende_behinderung_unbekannt", "teilnahmen_aktiv_am_stichtag"]
            .compactMap { kreise.header.firstIndex(of: $0) }
        let layout = CellLayout(
            massnahmenartCount: artCodes.count, rechtskreisCount: kreisCodes.count,
            foerderschwerpunktCount: foerderschwerpunkte == nil ? 0 : schwerpunktCodes.count + 1, inclusion: inclusionColumns.count == 3)
        var values = Array(repeating: Array(repeating: Int?.none, count: layout.cellCount), count: keys.count)
        for (area, row) in kreise.rows.enumerated() {
            values[area][layout.total] = try count(row[totalColumn], folder)
            for (index, column) in genderColumns.enumerated() { values[area][layout.geschlecht(index)] = try count(row[column], folder) }
            if layout.inclusion {
                for (cell, column) in zip([layout.mitBehinderung, layout.behinderungUnbekannt, layout.aktiv], inclusionColumns) {
                    values[area][cell] = try count(row[column], folder)
                }
            }
        }
        var categories = [
            ("massnahmenarten.csv", artCodes, artCounts, layout.massnahmenart),
            ("rechtskreise.csv", kreisCodes, kreisCounts, layout.rechtskreis),
        ]
        if foerderschwerpunkte != nil {
            categories.append(
                (
                    "foerderschwerpunkte.csv", schwerpunktCodes + [Suppression.ohneFoerderschwerpunkt], schwerpunktCounts,
                    layout.foerderschwerpunkt
                ))
        }
        for (file, codes, counts, cell) in categories {
            for (key, byCode) in counts {
                guard let area = position[key] else { throw ReadError(description: "\(folder)/\(file): area \(key) not in kreise.csv") }
                for (index, code) in codes.enumerated() {
                    guard let text = byCode[code] else { throw ReadError(description: "\(folder)/\(file): \(key) lacks \(code)") }
                    values[area][cell(index)] = try count(text, folder)
                }
            }
        }
        var projects: (places: [ProjectCells.Place], values: [Int?])?
        if directory.kind("projekte.csv") != .missing {
            projects = try projectCells(
                try table(directory, "projekte.csv"), position: position, massnahmenarten: artCodes, foerderschwerpunkte: schwerpunktCodes,
                folder: folder)
            // What the findings beside them say about a project's count.
            if directory.kind("auffaelligkeiten.csv") != .missing, var found = projects {
                let bounds = try findingBounds(try table(directory, "auffaelligkeiten.csv"))
                // A spending project the complete list of findings does not call "without
                // participants" counted at least one person (`YearReport.projectPlaces`).
                let spending = try spendingProjects(try table(directory, "projekte.csv"))
                for index in found.places.indices {
                    let id = found.places[index].id
                    found.places[index].bound = bounds[id] ?? (spending.contains(id) ? .atLeastOne : nil)
                }
                projects = found
            }
        }
        return PublishedCounts(
            keys: keys, parents: parents, massnahmenarten: artCodes, rechtskreise: kreisCodes, foerderschwerpunkte: schwerpunktCodes,
            inclusion: layout.inclusion, values: values, projects: projects?.places, projectValues: projects?.values ?? [],
            starsMayBeZero: manifest(directory)?.disclosure?.starsMayBeZero ?? false)
    }

    /// The ids of the projects whose published spending is not zero.
    private static func spendingProjects(_ table: Table) throws(ReadError) -> Set<String> {
        guard let id = table.header.firstIndex(of: "projekt_id"), let spent = table.header.firstIndex(of: "ausgegeben_eur") else {
            return []
        }
        return Set(
            table.rows.filter { row in
                guard let amount = Cents(numericText: row[spent].replacingOccurrences(of: ",", with: ".")) else { return false }
                return amount != .zero
            }.map { $0[id] })
    }

    /// Per project id, the bound on its count that a finding's rule implies.
    private static func findingBounds(_ table: Table) throws(ReadError) -> [String: ParticipantBound] {
        let regel = try column(table, "regel", "auffaelligkeiten.csv")
        let projekt = try column(table, "projekt_id", "auffaelligkeiten.csv")
        var bounds: [String: ParticipantBound] = [:]
        for row in table.rows {
            if !row[projekt].isEmpty, let bound = FindingRule(rawValue: row[regel])?.impliesParticipants { bounds[row[projekt]] = bound }
        }
        return bounds
    }

    /// The project list: where each project sits, and its count.
    private static func projectCells(
        _ table: Table, position: [String: Int], massnahmenarten: [String], foerderschwerpunkte: [String], folder: String
    ) throws(ReadError) -> (places: [ProjectCells.Place], values: [Int?]) {
        let ags = try column(table, "ags", "projekte.csv")
        let id = try column(table, "projekt_id", "projekte.csv")
        let art = try column(table, "massnahmenart", "projekte.csv")
        let schwerpunkt = try column(table, "foerderschwerpunkt", "projekte.csv")
        let teilnehmende = try column(table, "teilnehmende", "projekte.csv")
        var places: [ProjectCells.Place] = []
        var values: [Int?] = []
        for row in table.rows {
            guard let area = position[row[ags]] else {
                throw ReadError(description: "\(folder)/projekte.csv: area \(row[ags]) not in kreise.csv")
            }
            guard let massnahmenart = massnahmenarten.firstIndex(of: row[art]) else {
                throw ReadError(description: "\(folder)/projekte.csv: projekt \(row[id]) has a Maßnahmenart not in massnahmenarten.csv")
            }
            var foerderschwerpunkt: Int?
            if !row[schwerpunkt].isEmpty {
                guard let index = foerderschwerpunkte.firstIndex(of: row[schwerpunkt]) else {
                    throw ReadError(
                        description: "\(folder)/projekte.csv: projekt \(row[id]) has a Förderschwerpunkt not in foerderschwerpunkte.csv")
                }
                foerderschwerpunkt = index
            }
            places.append(ProjectCells.Place(id: row[id], area: area, massnahmenart: massnahmenart, foerderschwerpunkt: foerderschwerpunkt))
            values.append(try count(row[teilnehmende], folder))
        }
        guard Set(places.map(\.id)).count == places.count else {
            throw ReadError(description: "\(folder)/projekte.csv lists a project twice")
        }
        return (places, values)
    }

    /// The day the folder's counts of people are for: its counting day (manifest), else its
    /// Stichtag, for folders written before counting days existed.
    public static func countingDay(_ folder: String) throws(ReadError) -> CalendarDate {
        if let directory = try? Directory.open(folder, followLink: true, ownedByUs: false),
            let date = manifest(directory).flatMap({ $0.parameters.zaehltag.flatMap(CalendarDate.init(iso:)) })
        {
            return date
        }
        return try asOf(folder)
    }

    /// The folder's Stichtag: its manifest's, else its name's (`…/2025-09-30`).
    public static func asOf(_ folder: String) throws(ReadError) -> CalendarDate {
        if let directory = try? Directory.open(folder, followLink: true, ownedByUs: false),
            let date = manifest(directory).flatMap({ CalendarDate(iso: $0.parameters.asOf) })
        {
            return date
        }
        // The last `YYYY-MM-DD` in the folder's name (`2025-09-30`, `2025-09-30-intern`).
        let name = Array(folder.split(separator: "/").last.map(String.init) ?? folder)
        for start in stride(from: name.count - 10, through: 0, by: -1) {
            if let date = CalendarDate(iso: String(name[start..<(start + 10)])) { return date }
        }
        throw ReadError(description: "\(folder): no manifest.json and no Stichtag in the folder's name")
    }

    /// The folder's AQB year: its manifest's, else the name of the folder above it
    /// (`reports/2025/2025-09-30`); `nil` when neither tells.
    public static func year(_ folder: String) -> Int? {
        if let directory = try? Directory.open(folder, followLink: true, ownedByUs: false), let manifest = manifest(directory) {
            return manifest.parameters.year
        }
        let parts = folder.split(separator: "/")
        guard parts.count >= 2, let year = Int(parts[parts.count - 2]), (1000...9999).contains(year) else { return nil }
        return year
    }

    /// The folder's manifest, when it has a readable one.
    static func manifest(_ directory: Directory) -> Manifest? {
        guard let bytes = try? directory.readFile(Manifest.fileName, limit: Manifest.manifestLimit) else { return nil }
        return try? Manifest.decode(bytes)
    }

    struct Table {
        var header: [String]
        var rows: [[String]]
    }

    static func table(_ directory: Directory, _ name: String) throws(ReadError) -> Table {
        let folder = directory.path
        let bytes: [UInt8]
        do { bytes = try directory.readFile(name, limit: Manifest.defaultFileLimit) } catch {
            throw ReadError(description: "cannot read \(folder)/\(name): \(error)")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let german = bytes.starts(with: bom)
        let text = String(decoding: german ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        do {
            let csv = try CSV<Enumerated>(string: text, delimiter: german ? .semicolon : .comma, loadColumns: false)
            let width = csv.header.count
            guard csv.rows.allSatisfy({ $0.count == width }) else {
                throw ReadError(description: "\(folder)/\(name): rows of different length")
            }
            return Table(header: csv.header, rows: csv.rows)
        } catch let error as ReadError {
            throw error
        } catch {
            throw ReadError(description: "\(folder)/\(name) is not valid CSV: \(error)")
        }
    }

    static func column(_ table: Table, _ name: String, _ file: String) throws(ReadError) -> Int {
        guard let index = table.header.firstIndex(of: name) else { throw ReadError(description: "\(file) has no column \(name)") }
        return index
    }

    /// The categories in the order of their first row, and each area's count per category.
    private static func categoryCounts(_ table: Table, _ categoryColumn: String, _ file: String, _ folder: String) throws(ReadError)
        -> ([String], [String: [String: String]])
    {
        let ags = try column(table, "ags", file)
        let category = try column(table, categoryColumn, file)
        let count = try column(table, "teilnehmende", file)
        var codes: [String] = []
        var counts: [String: [String: String]] = [:]
        for row in table.rows where row[category] != Suppression.nichtZugeordnet {
            if !codes.contains(row[category]) { codes.append(row[category]) }
            counts[row[ags], default: [:]][row[category]] = row[count]
        }
        return (codes, counts)
    }

    private static func count(_ text: String, _ folder: String) throws(ReadError) -> Int? {
        try checkedCount(text, folder)
    }

    /// Each area's parent: the area one level up with the longest key that begins this one's.
    /// Through the keys' prefixes, in time linear in the areas (a planted folder with 40,000
    /// areas made the pairwise search 30 × slower than the rest of the run).
    static func parents(keys: [String], level: [Int]) -> [Int?] {
        let position = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return keys.indices.map { index in
            let key = keys[index]
            for length in stride(from: key.count - 1, through: 1, by: -1) {
                if let parent = position[String(key.prefix(length))], level[parent] == level[index] - 1 { return parent }
            }
            return nil
        }
    }

    /// More areas than any report of Hessen can have; a folder with more is not read.
    static let maximumAreas = 10_000
    /// More participations than Hessen has people: a count above it is not a report's.
    static let maximumCount = 10_000_000

    /// A published count: a number from 0 to `maximumCount`, or `*`. Anything else is refused,
    /// so that no sum of the audit can overflow on a planted value.
    static func checkedCount(_ text: String, _ folder: String) throws(ReadError) -> Int? {
        if text == Suppression.symbol { return nil }
        guard let value = Int(text), value >= 0 else { throw ReadError(description: "\(folder): '\(text)' is not a count") }
        guard value <= maximumCount else {
            throw ReadError(description: "\(folder): the count \(text) is larger than Hessen's population; not a report's count")
        }
        return value
    }
}

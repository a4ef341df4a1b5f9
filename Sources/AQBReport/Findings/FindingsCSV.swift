/// `auffaelligkeiten.csv`: one row per finding, `schwere;regel;ags;projekt_id;beschreibung`, in
/// the dialect of the other wide files and in `Finding.ordered` order.
///
/// `ags` is empty for a finding about the whole Land, `projekt_id` where the rule is not about
/// one project. Text cells go through `SpreadsheetText`: a description quotes titles and Träger
/// names from the database.
public struct FindingsCSV {
    public static let header = ["schwere", "regel", "ags", "projekt_id", "beschreibung"]

    public let findings: [Finding]
    public let format: CSVFormat

    public init(findings: [Finding], format: CSVFormat) {
        self.findings = findings
        self.format = format
    }

    public var table: CSVTable {
        var table = CSVTable(format: format, header: FindingsCSV.header)
        for finding in Finding.ordered(findings) {
            table.append([
                finding.schwere.rawValue, finding.regel.code, SpreadsheetText.neutralized(finding.ags),
                finding.projektId.map(String.init) ?? "",
                SpreadsheetText.neutralized(finding.beschreibung),
            ])
        }
        return table
    }
}

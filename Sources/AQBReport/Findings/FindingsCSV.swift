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

    /// The file in memory (tests).
    public var bytes: [UInt8] {
        let writer = FileWriter.memory()
        write(into: writer)
        return writer.bytes
    }

    /// Writes the file row by row into `writer`.
    public func write(into writer: FileWriter) {
        var table = CSVTable(format: format, header: FindingsCSV.header, into: writer)
        for finding in Finding.ordered(findings) {
            table.append([
                finding.schwere.rawValue, finding.regel.code, SpreadsheetText.neutralized(finding.ags),
                finding.projektId.map(String.init) ?? "",
                SpreadsheetText.neutralized(finding.beschreibung),
            ])
        }
    }
}

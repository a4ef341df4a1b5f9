/// One row of a published `kreise.csv` read back: the values a later report compares with.
public struct PublishedKreisValues: Sendable, Equatable {
    public var ags: String
    public var name: String
    /// `nil` where the cell is empty.
    public var bewilligt: Cents?
    public var ausgegeben: Cents?
    /// As published: `nil` for `*`.
    public var teilnehmende: Int?
}

extension PublishedFolder {
    /// The money and participant totals of every area of a published folder's `kreise.csv`, as
    /// any reader of the file has them (both dialects; `*` stays unknown).
    static func kreisValues(_ directory: Directory) throws(ReadError) -> [PublishedKreisValues] {
        let folder = directory.path
        let kreise = try table(directory, "kreise.csv")
        let ags = try column(kreise, "ags", "kreise.csv")
        let name = try column(kreise, "name", "kreise.csv")
        let bewilligt = try column(kreise, "bewilligt_eur", "kreise.csv")
        let ausgegeben = try column(kreise, "ausgegeben_eur", "kreise.csv")
        let teilnehmende = try column(kreise, "teilnehmende", "kreise.csv")
        return try kreise.rows.map { row throws(ReadError) in
            PublishedKreisValues(
                ags: row[ags], name: row[name], bewilligt: try amount(row[bewilligt], folder),
                ausgegeben: try amount(row[ausgegeben], folder),
                teilnehmende: try publishedCount(row[teilnehmende], folder))
        }
    }

    /// `1234,56` (de) or `1234.56` (rfc4180), exact to the cent; empty is `nil`.
    private static func amount(_ text: String, _ folder: String) throws(ReadError) -> Cents? {
        if text.isEmpty { return nil }
        guard let cents = Cents(numericText: text.replacingOccurrences(of: ",", with: ".")) else {
            throw ReadError(description: "\(folder)/kreise.csv: '\(text)' is not an amount")
        }
        return cents
    }

    private static func publishedCount(_ text: String, _ folder: String) throws(ReadError) -> Int? {
        try checkedCount(text, folder + "/kreise.csv")
    }
}

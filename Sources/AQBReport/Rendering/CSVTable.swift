/// Writes one CSV file: header, rows, RFC 4180 quoting, CRLF line ends.
///
/// Row by row into a `FileWriter`: `projekte.csv` and `auffaelligkeiten.csv` run to tens of
/// megabytes with many findings, and are never a string of their own (issue 19). Without a
/// writer, the table collects its bytes in memory (`text`, `bytes`).
public struct CSVTable {
    public let format: CSVFormat
    private let writer: FileWriter

    /// A table written into `writer`, header first.
    public init(format: CSVFormat, header: [String], into writer: FileWriter) {
        self.format = format
        self.writer = writer
        if format.byteOrderMark { writer.write("\u{FEFF}") }
        append(header)
    }

    /// A table in memory.
    public init(format: CSVFormat, header: [String]) {
        self.init(format: format, header: header, into: .memory())
    }

    /// Appends a row; a field that holds the delimiter, a quote or a line break is quoted, with
    /// quotes doubled. So is one with blanks at either end, which some readers trim otherwise.
    public mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { writer.write(format.delimiter) }
            writer.write(quoted(field))
        }
        writer.write("\r\n")
    }

    /// What was written so far, for a table in memory.
    public var bytes: [UInt8] { writer.bytes }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Decided and escaped on Unicode scalars, not on characters: a combining mark after a
    /// quote or a delimiter (`a"́b`, `x,́y`) makes one character of both, and a character-level
    /// search did not see the quote or the comma, which then went into the file unquoted (a
    /// parser reading bytes gets another column). Found by `scripts/fuzz csv`.
    func quoted(_ field: String) -> String {
        let delimiter = format.delimiter.unicodeScalars
        let scalars = field.unicodeScalars
        let needsQuotes =
            scalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || delimiter.contains($0) }
            || scalars.first?.properties.isWhitespace == true || scalars.last?.properties.isWhitespace == true
        guard needsQuotes else { return field }
        var result = String.UnicodeScalarView()
        result.append("\"")
        for scalar in scalars {
            result.append(scalar)
            if scalar == "\"" { result.append("\"") }
        }
        result.append("\"")
        return String(result)
    }
}

extension String {
    /// Replaces every occurrence without Foundation, which the core library does not need.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

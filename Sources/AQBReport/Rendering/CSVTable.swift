/// Builds one CSV file: header, rows, RFC 4180 quoting, CRLF line ends.
public struct CSVTable {
    public let format: CSVFormat
    private(set) var text: String

    public init(format: CSVFormat, header: [String]) {
        self.format = format
        text = format.byteOrderMark ? "\u{FEFF}" : ""
        append(header)
    }

    /// Appends a row; a field that holds the delimiter, a quote or a line break is quoted, with
    /// quotes doubled. So is one with blanks at either end, which some readers trim otherwise.
    public mutating func append(_ fields: [String]) {
        text += fields.map(quoted).joined(separator: format.delimiter)
        text += "\r\n"
    }

    public var bytes: [UInt8] { Array(text.utf8) }

    func quoted(_ field: String) -> String {
        let needsQuotes =
            field.contains(format.delimiter) || field.contains("\"") || field.contains("\n")
            || field.contains("\r") || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Replaces every occurrence without Foundation, which the core library does not need.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// The two CSV dialects the report writes.
///
/// `de` is what Excel in a German locale opens correctly with a double click: semicolons,
/// decimal comma, UTF-8 with a byte order mark (without it Excel reads Windows-1252 and breaks
/// umlauts). `rfc4180` is for every other tool: commas, decimal point, no BOM. Both end lines
/// with CRLF, as RFC 4180 says.
public enum CSVFormat: String, Sendable, CaseIterable {
    case de
    case rfc4180

    public var delimiter: String { self == .de ? ";" : "," }
    public var decimalSeparator: String { self == .de ? "," : "." }
    public var byteOrderMark: Bool { self == .de }
}

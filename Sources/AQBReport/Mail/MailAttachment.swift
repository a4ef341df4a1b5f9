/// A file carried by a mail, byte for byte as it lies on disk (base64, never re-encoded text).
public struct MailAttachment: Sendable {
    public let fileName: String
    public let contentType: String
    public let bytes: [UInt8]

    public init(fileName: String, contentType: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The media type of a report file, by its extension.
    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last.map(String.init) ?? "" {
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "html": "text/html; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }
}

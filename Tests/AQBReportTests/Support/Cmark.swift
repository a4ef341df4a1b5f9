import Foundation
import Testing

/// Renders Markdown with Debian's `cmark-gfm` (tables extension), the way a reader's tool would,
/// and reads the rendered tables back.
enum Cmark {
    struct Table {
        var header: [String]
        var rows: [[String]]
    }

    static func html(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table", "--unsafe"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// The tables of rendered HTML, cells as their inner HTML.
    static func tables(_ html: String) -> [Table] {
        html.components(separatedBy: "<table>").dropFirst().map { chunk in
            let body = chunk.components(separatedBy: "</table>")[0]
            let rows = body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "</tr>")[0]
                    .components(separatedBy: "<t").dropFirst()
                    .compactMap { cell -> String? in
                        guard cell.hasPrefix("d") || cell.hasPrefix("h") else { return nil }
                        guard let start = cell.firstIndex(of: ">") else { return nil }
                        let content = cell[cell.index(after: start)...]
                        return content.components(separatedBy: "</t")[0]
                    }
            }
            return Table(header: rows.first ?? [], rows: Array(rows.dropFirst()))
        }
    }

    /// Decodes the entities cmark-gfm writes.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    }
}

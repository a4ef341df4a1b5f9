import Foundation
import Testing

@testable import AQBReport

/// A database of its own for one test, cloned from the template `scripts/test` prepared (schema
/// applied), dropped again when the value goes away. Tests run in parallel without sharing data.
final class TestDatabase {
    let name: String
    let connection: PGConnection

    /// Whether the test environment has a server (scripts/test sets TEST_AQB_TEMPLATE).
    static var isAvailable: Bool { ProcessInfo.processInfo.environment["TEST_AQB_TEMPLATE"] != nil }

    static var template: String { ProcessInfo.processInfo.environment["TEST_AQB_TEMPLATE"] ?? "aqb_test_template" }

    init(_ label: String = #function) throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let cleaned = label.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(30)
        name = "t_\(cleaned)_\(suffix)"
        let admin = try PGConnection(conninfo: "dbname=postgres")
        try admin.execute("CREATE DATABASE \"\(name)\" TEMPLATE \"\(TestDatabase.template)\"")
        connection = try PGConnection(conninfo: "dbname=\(name)")
    }

    deinit {
        if let admin = try? PGConnection(conninfo: "dbname=postgres") {
            try? admin.execute("DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)")
        }
    }

    /// A conninfo for this database as the setup's superuser: for loading and changing data.
    var conninfo: String { "dbname=\(name)" }

    /// A conninfo for this database as `aqb_report`, the read-only role of `sql/roles/`: reports
    /// under test run as the role operators are told to use.
    var reportConninfo: String { "dbname=\(name) user=\(TestDatabase.reportRole)" }

    static let reportRole = "aqb_report"

    /// Runs SQL text (several statements allowed), e.g. a fixture file.
    func load(_ sql: String) throws { try connection.execute(sql) }

    /// The rows of a query as text (NULL as empty), for comparing files with PostgreSQL's own count.
    func rows(_ sql: String) throws -> [[String]] {
        let result = try connection.query(sql)
        return (0..<result.rowCount).map { index in
            let row = result.row(index)
            return (0..<result.columnCount).map { row.string($0) ?? "" }
        }
    }

    /// Loads the sample data of `sql/sample/`.
    func loadSample() throws {
        for file in try Repository.files(in: "sql/sample", suffix: ".sql") {
            try load(String(contentsOfFile: file, encoding: .utf8))
        }
    }
}

/// Paths inside the repository, found from this file's location.
enum Repository {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func files(in folder: String, suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(folder)).filter { $0.hasSuffix(suffix) }.sorted()
            .map { path(folder) + "/" + $0 }
    }

    static var fixtures: String { path("Tests/AQBReportTests/Fixtures") }
}

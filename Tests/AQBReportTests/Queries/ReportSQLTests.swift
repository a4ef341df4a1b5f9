import Foundation
import Testing

@testable import AQBReport

/// The SQL the binary runs is the SQL an analyst reads in `sql/report/`.
@Suite struct ReportSQLTests {
    @Test func embeddedSQLMatchesTheFilesInSqlReport() throws {
        let files = try Repository.files(in: "sql/report", suffix: ".sql")
        #expect(Set(files.map { URL(fileURLWithPath: $0).lastPathComponent }) == Set(ReportSQL.files.keys), "run scripts/embed-sql")
        for file in files {
            let name = URL(fileURLWithPath: file).lastPathComponent
            #expect(ReportSQL.files[name] == (try String(contentsOfFile: file, encoding: .utf8)), "\(name): run scripts/embed-sql")
        }
    }

    @Test func everyQueryNameHasItsFileAndEveryFileItsName() {
        #expect(Set(ReportQuery.allCases.map(\.rawValue)) == Set(ReportSQL.files.keys))
        for query in ReportQuery.allCases { #expect(!query.sql.isEmpty, "\(query.rawValue)") }
    }
}

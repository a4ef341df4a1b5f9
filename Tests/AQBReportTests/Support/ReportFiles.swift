import Foundation
import Logging
import SwiftCSV
import Testing

@testable import AQBReport

/// Runs the report through the library into a temporary folder and reads the CSV files back with
/// an independent CSV parser.
struct ReportFiles {
    let folder: TemporaryFolder
    let path: String
    let format: CSVFormat

    static let fixedClock = BerlinTime.parseISO("2025-10-01T08:00:00+02:00") ?? Date(timeIntervalSince1970: 0)

    init(
        database: TestDatabase, year: Int, asOf: String, format: CSVFormat = .de, disclosureControl: Bool = true,
        folder: TemporaryFolder? = nil, zaehltagRule: ZaehltagRule = .monthEnd
    ) throws {
        self.folder = try folder ?? TemporaryFolder()
        self.format = format
        let asOfDate = try #require(CalendarDate(iso: asOf))
        var request = ReportRequest(years: [year], asOf: asOfDate, outputBase: self.folder.path)
        request.conninfo = database.reportConninfo
        request.csvFormat = format
        request.disclosureControl = disclosureControl
        request.zaehltagRule = zaehltagRule
        request.connectAttempts = 1
        var logger = Logger(label: "test")
        logger.logLevel = .error
        let clock = ReportFiles.fixedClock
        let summary = try ReportRunner(logger: logger, now: { clock }, fixedSnapshotTime: clock).run(request)
        path = try #require(summary.folders.first)
    }

    func text(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }

    /// Rows of a CSV file (header checked separately), BOM removed after checking it is there iff `de`.
    func rows(_ name: String) throws -> (header: [String], rows: [[String]]) {
        let bytes = try folder.bytes(String(path.dropFirst(folder.path.count + 1)) + "/" + name)
        #expect((bytes.prefix(3) == [0xEF, 0xBB, 0xBF]) == (format == .de))
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(raw.hasSuffix("\r\n"))
        let body = String(raw.drop(while: { $0 == "\u{FEFF}" }))
        let csv = try CSV<Enumerated>(string: body, delimiter: format == .de ? .semicolon : .comma, loadColumns: false)
        return (csv.header, csv.rows)
    }

    /// `kreise.csv` keyed by `ags`, values by column name.
    func kreise() throws -> [String: [String: String]] {
        let (header, rows) = try self.rows("kreise.csv")
        var result: [String: [String: String]] = [:]
        for row in rows { result[row[1]] = Dictionary(uniqueKeysWithValues: zip(header, row)) }
        return result
    }

    /// A file's rows keyed by `ags` and the category column (`massnahmenart` / `rechtskreis`).
    func byCategory(_ name: String) throws -> [String: [String: String]] {
        let (header, rows) = try self.rows(name)
        var result: [String: [String: String]] = [:]
        for row in rows { result[row[1] + "/" + row[3]] = Dictionary(uniqueKeysWithValues: zip(header, row)) }
        return result
    }
}

extension ReportFiles {
    /// `kreise.csv` of any folder, keyed by `ags`.
    static func parse(folder: String, format: CSVFormat) throws -> [String: [String: String]] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/kreise.csv")))
        let body = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        let csv = try CSV<Enumerated>(string: body, delimiter: format == .de ? .semicolon : .comma, loadColumns: false)
        var result: [String: [String: String]] = [:]
        for row in csv.rows { result[row[1]] = Dictionary(uniqueKeysWithValues: zip(csv.header, row)) }
        return result
    }
}

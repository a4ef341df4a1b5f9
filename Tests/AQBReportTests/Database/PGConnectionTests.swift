import Foundation
import Testing

@testable import AQBReport

/// The libpq wrapper against the real server: values arrive exactly, errors keep the server's
/// words, and nothing is read as a type it is not.
@Suite struct PGConnectionTests {
    let database: TestDatabase

    init() throws { database = try TestDatabase() }

    @Test(
        arguments: [
            ("10.50", 1050), ("-41.01", -4101), ("999999999999.99", 99_999_999_999_999), ("-999999999999.99", -99_999_999_999_999),
            ("0", 0), ("0.1", 10),
        ] as [(String, Int64)])
    func numericArrivesAsExactCents(text: String, cents: Int64) throws {
        let result = try database.connection.query("SELECT $1::numeric(14,2)", [text])
        try result.checkColumns([.numeric])
        #expect(try result.row(0).cents(0) == Cents(cents))
    }

    @Test(arguments: ["0.00001", "NaN", "1.001"])
    func numericThatIsNotWholeCentsIsRejected(text: String) throws {
        let result = try database.connection.query("SELECT $1::numeric", [text])
        let error = #expect(throws: PGError.self) { try result.row(0).cents(0) }
        #expect(error?.kind == .unexpectedResult)
        #expect(error?.description.contains(text) == true)
    }

    @Test func sumOfManyAmountsStaysExact() throws {
        // 100 000 × 0.01 summed by the server, read without rounding.
        let result = try database.connection.query("SELECT sum(0.01::numeric(14,2)) FROM generate_series(1, 100000)")
        #expect(try result.row(0).cents(0) == Cents(100_000))
    }

    @Test func unexpectedColumnTypeIsRejectedBeforeReading() throws {
        let result = try database.connection.query("SELECT 1.5::float8")
        let error = #expect(throws: PGError.self) { try result.checkColumns([.numeric]) }
        #expect(error?.message.contains("expected numeric") == true)
    }

    @Test func datesAreCalendarDatesWhateverTheZone() throws {
        try database.connection.execute("SET TimeZone = 'Pacific/Kiritimati'")
        let result = try database.connection.query("SELECT '2025-01-01'::date, NULL::date")
        #expect(try result.row(0).date(0) == CalendarDate(iso: "2025-01-01"))
        #expect(try result.row(0).date(1) == nil)
    }

    @Test func serverErrorsCarrySQLStateMessageAndHint() throws {
        let error = #expect(throws: PGError.self) { try database.connection.query("SELECT * FROM aqb.gibtsnicht") }
        #expect(error?.sqlState == "42P01")
        #expect(error?.message.contains("gibtsnicht") == true)
        #expect(ReportError.database(try #require(error)).status == .dataError)
        // The connection stays usable after an error.
        #expect(try database.connection.query("SELECT 1").rowCount == 1)
    }

    @Test func parametersAreNeverInterpolated() throws {
        let hostile = "'); DROP TABLE aqb.projekt; --"
        let result = try database.connection.query("SELECT $1::text", [hostile])
        #expect(result.row(0).string(0) == hostile)
        #expect(try database.connection.query("SELECT to_regclass('aqb.projekt') IS NOT NULL").row(0).string(0) == "t")
    }

    @Test func streamingDeliversEveryRowAndLeavesTheConnectionUsable() throws {
        var count = 0
        var sum = 0
        try database.connection.stream("SELECT g::int8 FROM generate_series(1, 50000) g", columns: [.int8]) { row in
            count += 1
            sum += try row.int(0)
        }
        #expect(count == 50000 && sum == 50000 * 50001 / 2)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try database.connection.stream("SELECT g::int8 FROM generate_series(1, 1000) g", columns: [.int8]) { _ in throw Stop() }
        }
        #expect(try database.connection.query("SELECT 2").row(0).string(0) == "2")
    }

    @Test func rowsOfAResultOutsideSingleRowModeAreAllDelivered() throws {
        var values: [Int] = []
        try database.connection.stream("SELECT g::int8 FROM generate_series(1, 3) g", columns: [.int8], singleRowMode: false) { row in
            values.append(try row.int(0))
        }
        #expect(values == [1, 2, 3])
    }

    @Test func failedConnectionNamesTheProblemWithoutThePassword() throws {
        let error = #expect(throws: PGError.self) {
            _ = try PGConnection(conninfo: "host=/nonexistent port=1 user=x password=Geheim-456 dbname=y")
        }
        #expect(error?.kind == .connection)
        #expect(error?.isUnavailable == true)
        #expect(error?.description.contains("Geheim-456") == false)
        #expect(ConnectionString.holdsPassword("host=x password=Geheim-456"))
        #expect(ConnectionString.holdsPassword("postgresql://u:Geheim-456@x/db"))
        #expect(!ConnectionString.holdsPassword("host=x dbname=aqb"))
    }
}

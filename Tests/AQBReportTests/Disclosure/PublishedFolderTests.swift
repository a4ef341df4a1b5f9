import Foundation
import Testing

@testable import AQBReport

/// Reading a published folder back as a reader has it.
@Suite struct PublishedFolderTests {
    @Test(arguments: ["2024-2025-09-30-de", "2025-2025-09-30-rfc4180"])
    func readsBothDialectsWithTheirAreasAndCategories(folder: String) throws {
        let counts = try PublishedFolder.read(Repository.fixtures + "/old-rule/" + folder)
        #expect(counts.keys.prefix(3) == ["06", "064", "06411"])
        #expect(counts.keys.count == 30)
        #expect(counts.parents[0] == nil && counts.parents[1] == 0 && counts.parents[2] == 1)
        let kassel = try #require(counts.keys.firstIndex(of: "06611"))
        #expect(counts.keys[counts.parents[kassel] ?? 0] == "066")
        #expect(counts.massnahmenarten == ["AQV", "AUS", "QAF", "WBF"])
        #expect(counts.rechtskreise == ["SGB II", "SGB III", "SGB VIII", "SGB XII", "AsylbLG", "ohne"])
        // Every published sum holds: the files are one consistent report.
        let flat = counts.values.flatMap { $0 }
        for relation in counts.relations {
            guard let total = flat[relation.total], relation.members.allSatisfy({ flat[$0] != nil }) else { continue }
            #expect(total == relation.members.compactMap { flat[$0] }.reduce(0, +))
        }
        #expect(flat.contains(nil))
    }

    @Test func aCountThatIsNotANumberIsRefused() throws {
        let folder = try TemporaryFolder()
        let source = Repository.fixtures + "/old-rule/2025-2025-09-30-rfc4180/"
        for name in ["kreise.csv", "massnahmenarten.csv", "rechtskreise.csv"] {
            var text = try String(contentsOfFile: source + name, encoding: .utf8)
            if name == "kreise.csv" {
                text = text.replacingOccurrences(of: ",108,", with: ",1O8,")
            }
            try text.write(toFile: folder.path + "/" + name, atomically: true, encoding: .utf8)
        }
        #expect(throws: PublishedFolder.ReadError.self) { try PublishedFolder.read(folder.path) }
    }

    @Test func theStichtagComesFromTheManifestOrTheName() throws {
        #expect(try PublishedFolder.asOf("/x/reports/2025/2025-09-30") == CalendarDate(iso: "2025-09-30"))
        #expect(try PublishedFolder.asOf("/x/2025/2025-09-30-intern") == CalendarDate(iso: "2025-09-30"))
        #expect(throws: PublishedFolder.ReadError.self) { try PublishedFolder.asOf("/x/reports/latest") }
    }
}

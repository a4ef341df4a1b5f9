import Foundation
import Logging
import Testing

@testable import AQBReport

/// The formats rendered on two threads (`RenderLanes`) give the folder one thread gave: the same
/// files with the same bytes, and the manifest's entries in the order of the formats, however
/// the two lanes' files interleave in time. On the report with long lists and hostile text of
/// `ReportDocumentsTests`.
@Suite struct RenderLanesTests {
    @Test func theDocumentsHaveALaneOfTheirOwn() {
        let lanes = RenderLanes(formats: nil)
        #expect(lanes.isParallel)
        #expect(lanes.documents.map { lanes.renderers[$0].format } == ["md", "html"])
        #expect(lanes.others.map { lanes.renderers[$0].format } == ["csv", "werte", "xlsx", "svg"])
        #expect(!RenderLanes(formats: ["csv", "xlsx"]).isParallel)
        #expect(!RenderLanes(formats: ["md", "html"]).isParallel)
        #expect(!RenderLanes(formats: nil, secondThread: false).isParallel)
    }

    @Test(
        arguments: [(nil, true), (["csv", "md"], true), (["html", "xlsx"], true), (["csv", "werte"], true), (nil, false)]
            as [([String]?, Bool)])
    func twoLanesWriteWhatOneThreadWrites(formats: [String]?, secondThread: Bool) throws {
        let input = try ReportDocumentsTests.input()
        var one = MemoryFiles()
        var pass = RenderPass(formats: formats)
        for renderer in pass.renderers { try pass.run(renderer, input, into: &one) }

        let base = try TemporaryFolder()
        let publisher = try ReportPublisher(base: base.path, registry: StagingRegistry())
        let staging = try publisher.open(year: 2025, folder: "2025-09-30", updatesLatest: false)
        let rendered = try RenderLanes(formats: formats, secondThread: secondThread).render(
            input, into: staging, logger: Logger(label: "test"))
        var listed: [Manifest.File] = []
        let staged = try publisher.close(rendered) { entries in
            listed = entries
            return Array("{}".utf8)
        }
        try publisher.publish([staged])

        #expect(listed.map(\.name) == one.files.map(\.name))
        for (entry, expected) in zip(listed, one.files) {
            let bytes = try base.bytes("2025/2025-09-30/\(entry.name)")
            #expect(bytes == expected.bytes, "\(entry.name)")
            #expect(entry.size == bytes.count && entry.sha256 == SHA256.hex(bytes), "\(entry.name)")
        }
    }
}

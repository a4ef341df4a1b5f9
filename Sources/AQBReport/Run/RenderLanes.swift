import Foundation
import Logging

/// A year's formats rendered on two threads: the documents (`bericht.md`, the county sheets and
/// their HTML pages, one shared pass) on the calling thread, every other format (the CSV files,
/// `werte.csv`, the workbook, the charts) on a thread of their own, each into its own view of
/// the one staging folder (`ReportPublisher.Staging.branch`).
///
/// Why: rendering a year of the benchmark's generated data took about 0.55 s on one thread,
/// half of it the documents, half the rest (the workbook most), while the second core idled
/// once the year was read; the newest year's time (issue 19, item 1) is read, then render.
/// While the second database session reads the next year, that core is busy already: a third
/// busy thread on two cores gained no time over ten years and cost 2–3 MiB at their peak, so the
/// runner asks for the second thread only when nothing is read ahead (`secondThread`). The
/// renderers share nothing but the report, which is an immutable value, and each writes its own
/// files; what each thread calls into C (cmark-gfm for the pages, libxlsxwriter for the workbook)
/// is used by that thread alone.
///
/// The files are the same bytes as from one thread. The manifest lists them in the order of the
/// formats (`lanes.order`): each lane records the files of each of its renderers apart, and the
/// lists are put together after both lanes are done. When the calling thread's lane fails, the
/// other is still waited for, so no thread writes into a folder the caller discards.
struct RenderLanes {
    /// Every selected renderer, in the order of the formats.
    let renderers: [any ReportRenderer]
    /// Indices into `renderers` of the calling thread's lane (the Markdown and the HTML).
    let documents: [Int]
    /// Indices into `renderers` of the other thread's lane.
    let others: [Int]

    /// Whether the second thread may be used: not while the second database session reads the
    /// next year (`ReadStage.readsAhead`), which already keeps the second core busy.
    let secondThread: Bool

    /// - Parameter secondThread: `false` renders every format on the calling thread.
    init(formats: [String]?, secondThread: Bool = true) {
        let renderers = ReportRenderers.selected(formats)
        self.renderers = renderers
        self.secondThread = secondThread
        documents = renderers.indices.filter { RenderLanes.isDocument(renderers[$0]) }
        others = renderers.indices.filter { !RenderLanes.isDocument(renderers[$0]) }
    }

    /// Whether two threads render; else one lane renders everything in order.
    var isParallel: Bool { secondThread && !documents.isEmpty && !others.isEmpty }

    private static func isDocument(_ renderer: any ReportRenderer) -> Bool {
        renderer is MarkdownRenderer || renderer is HTMLRenderer
    }

    /// What one renderer wrote: its files' entries, in the order it recorded them, and how long
    /// it took (logged at debug level).
    struct Written: Sendable {
        let files: [Manifest.File]
        let duration: Duration
    }

    /// Runs the renderers `indices` one after another into `staging` (the Markdown and the HTML
    /// in one pass when both are among them, `RenderPass`); returns what each wrote.
    static func run(
        _ indices: [Int], of renderers: [any ReportRenderer], _ input: RenderInput, into staging: inout ReportPublisher.Staging
    ) throws(ReportError) -> [Int: Written] {
        var pass = RenderPass(renderers: indices.map { renderers[$0] })
        var written: [Int: Written] = [:]
        for (index, renderer) in zip(indices, pass.renderers) {
            let started = ContinuousClock.now
            let before = staging.entries.count
            try pass.run(renderer, input, into: &staging)
            written[index] = Written(files: Array(staging.entries[before...]), duration: started.duration(to: .now))
        }
        return written
    }

    /// Renders every format into `staging`, the two lanes side by side when both have work;
    /// returns the staging folder with every file recorded in the order of the formats.
    func render(_ input: RenderInput, into staging: ReportPublisher.Staging, logger: Logger) throws(ReportError) -> ReportPublisher.Staging
    {
        var staging = staging
        var written: [Int: Written]
        if isParallel {
            let others = self.others
            let renderers = self.renderers
            let branch = staging.branch()
            let pending = Pending<[Int: Written]>()
            let thread = Thread {
                var branch = branch
                do throws(ReportError) {
                    pending.fulfil(.success(try RenderLanes.run(others, of: renderers, input, into: &branch)))
                } catch {
                    pending.fulfil(.failure(error))
                }
            }
            thread.name = "aqb-report.render"
            thread.start()
            var main = staging.branch()
            let mine: Result<[Int: Written], ReportError>
            do throws(ReportError) { mine = .success(try RenderLanes.run(documents, of: renderers, input, into: &main)) } catch {
                mine = .failure(error)
            }
            // Waited for whatever happened here: the caller discards the folder on a failure.
            let theirs = Result { () throws(ReportError) in try pending.wait() }
            written = try mine.get().merging(try theirs.get()) { first, _ in first }
        } else {
            var main = staging.branch()
            written = try RenderLanes.run(Array(renderers.indices), of: renderers, input, into: &main)
        }
        for index in renderers.indices {
            guard let done = written[index] else { continue }
            for file in done.files { staging.record(file) }
            // Timed at debug level: the formats are the part of a run besides the database that
            // grows with what is written, and an operator can see which one costs what. With the
            // HTML written in the Markdown's pass, the Markdown's time includes the HTML's.
            logger.debug("rendered \(done.files.map(\.name).joined(separator: ", ")) in \(done.duration)")
        }
        return staging
    }
}

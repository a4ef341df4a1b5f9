/// The selected renderers run one after another over a year's report, each writing its files
/// into the staging folder; the Markdown and the HTML share one pass when both are selected.
///
/// Why shared: the HTML is the Markdown rendered, and building the Markdown twice cost 16 % of a
/// run's CPU (issue 19). The pass writes both formats at the Markdown's turn (`ReportDocuments`)
/// and records the HTML files at the HTML's turn, so the manifest lists every file where its
/// format's renderer alone would have put it.
struct RenderPass {
    let renderers: [any ReportRenderer]
    /// Whether `bericht.md` and `bericht.html` (with their sheets) are written together.
    let sharesDocuments: Bool
    /// The HTML files written with the Markdown, waiting for the HTML's turn.
    private var pendingHTML: [Manifest.File] = []

    init(formats: [String]?) {
        self.init(renderers: ReportRenderers.selected(formats))
    }

    /// A pass over `renderers`, in their order (`RenderLanes` gives each thread its part).
    init(renderers: [any ReportRenderer]) {
        self.renderers = renderers
        sharesDocuments = renderers.contains { $0 is MarkdownRenderer } && renderers.contains { $0 is HTMLRenderer }
    }

    /// Runs `renderer`, one of `renderers`, in its turn.
    mutating func run(_ renderer: any ReportRenderer, _ input: RenderInput, into files: inout some FileSink) throws(ReportError) {
        switch renderer {
        case is MarkdownRenderer where sharesDocuments:
            pendingHTML = try ReportDocuments(input: input).write(into: &files, markdown: true, html: true)
        case is HTMLRenderer where sharesDocuments:
            for file in pendingHTML { files.record(file) }
            pendingHTML = []
        default:
            try renderer.render(input, into: &files)
        }
    }
}

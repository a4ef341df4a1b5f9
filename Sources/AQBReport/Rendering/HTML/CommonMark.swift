import CCmarkGFM

/// GitHub-flavoured CommonMark through Debian's libcmark-gfm: the only way into the C module.
///
/// The Markdown is the report's own, but its cells carry names from the database, so the
/// library renders in safe mode (raw HTML and dangerous URLs are dropped) with GitHub's tag
/// filter on top; the Markdown escaping already keeps data inert, this keeps it so even if a
/// future section forgets to escape.
enum CommonMark {
    /// The core extensions register once per process; Swift runs a static initialiser exactly once,
    /// even when tests render in parallel.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    private static let options = AQB_CMARK_OPT_SAFE | AQB_CMARK_OPT_VALIDATE_UTF8

    /// Renders to an HTML fragment with the `table` and `tagfilter` extensions.
    static func html(_ markdown: String) -> String {
        render(markdown) { document, parser in
            cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        }
    }

    /// Renders to plain text, wrapped at `width` columns (0: no wrapping), for places that show
    /// no markup, such as a spreadsheet cell.
    static func plainText(_ markdown: String, width: Int) -> String {
        render(markdown) { document, _ in cmark_render_plaintext(document, options, Int32(width)) }
    }

    private static func render(
        _ markdown: String, _ renderer: (OpaquePointer?, OpaquePointer?) -> UnsafeMutablePointer<CChar>?
    ) -> String {
        _ = registered
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "tagfilter"] {
            if let extensionHandle = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionHandle) }
        }
        // Fed from the string's own bytes: a county sheet with thousands of findings is megabytes
        // of Markdown, and a copy of it was held for as long as the parser ran (issue 19).
        func feed(_ buffer: UnsafeBufferPointer<UInt8>) {
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        if markdown.utf8.withContiguousStorageIfAvailable(feed) == nil { Array(markdown.utf8).withUnsafeBufferPointer(feed) }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = renderer(document, parser) else { return "" }
        // The renderers allocate with the library's default allocator, which is malloc.
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }
}

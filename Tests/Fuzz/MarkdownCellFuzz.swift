/// libFuzzer target: the Markdown cell escaper. An escaped cell is one line, and every `|` in
/// it is escaped (checked on Unicode scalars, as cmark-gfm reads bytes), so no cell can add a
/// column or a row to a table.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownCell(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let escaped = MarkdownTable.escape(text).unicodeScalars
    guard !escaped.contains("\n"), !escaped.contains("\r") else { fatalError("line break survives") }
    var backslashes = 0
    for scalar in escaped {
        if scalar == "|", backslashes % 2 == 0 { fatalError("unescaped |") }
        backslashes = scalar == "\\" ? backslashes + 1 : 0
    }
    return 0
}

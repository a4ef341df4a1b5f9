/// libFuzzer target: the ISO date parser. A date that parses prints back as exactly its input,
/// and its day number survives a round trip through `daysSince`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCalendarDate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let date = CalendarDate(iso: text) else { return 0 }
    guard date.description == text else { fatalError("\(text) parsed as \(date)") }
    guard date.daysSince(date) == 0 else { fatalError("\(date) is not zero days from itself") }
    return 0
}

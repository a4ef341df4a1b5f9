/// libFuzzer target: the CSV field writer. Whatever a field holds, reading the written field
/// back by RFC 4180 (on Unicode scalars, as a parser reads bytes) gives the field, and an
/// unquoted field holds no delimiter, quote or line break.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVField(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let format: CSVFormat = size > 0 && bytes[0] % 2 == 0 ? .de : .rfc4180
    let field = Array(String(decoding: bytes.dropFirst(), as: UTF8.self).unicodeScalars)
    let written = Array(CSVTable(format: format, header: []).quoted(String(String.UnicodeScalarView(field))).unicodeScalars)
    let special: Set<Unicode.Scalar> = ["\"", "\n", "\r", format.delimiter.unicodeScalars.first ?? ","]
    if written.first == "\"" {
        guard written.count >= 2, written.last == "\"" else { fatalError("unterminated quoted field") }
        var readBack: [Unicode.Scalar] = []
        var index = 1
        while index < written.count - 1 {
            if written[index] == "\"" {
                guard written[index + 1] == "\"" else { fatalError("lone quote inside a quoted field") }
                index += 1
            }
            readBack.append(written[index])
            index += 1
        }
        guard readBack == field else { fatalError("field read back differently") }
    } else {
        guard written == field, !field.contains(where: special.contains) else { fatalError("special scalar written unquoted") }
    }
    return 0
}

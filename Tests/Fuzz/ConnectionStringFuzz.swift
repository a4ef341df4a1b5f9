/// libFuzzer target: password masking. Masking never crashes, masking twice changes nothing,
/// and a password written as `password=<token>` after the fuzzed text is always masked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConnectionString(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let masked = ConnectionString.maskedByShape(text)
    guard ConnectionString.maskedByShape(masked) == masked else { fatalError("masking \(text) twice differs") }
    let secret = "Zq7Secret"
    let withPassword = ConnectionString.maskedByShape(text + " password=" + secret)
    guard !withPassword.hasSuffix(secret) else { fatalError("password after \(text) not masked: \(withPassword)") }
    _ = ConnectionString.masked(text, conninfo: text)
    return 0
}

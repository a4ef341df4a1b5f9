/// libFuzzer target: NUMERIC text → cents. Any input either is refused or parses to a value
/// that prints back to text which parses to the same value (no silent change of an amount).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCents(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let cents = Cents.parse(UnsafeBufferPointer(start: data, count: size)) else { return 0 }
    let printed = NumberFormat.plain(cents, decimalSeparator: ".")
    guard Cents(numericText: printed) == cents else { fatalError("\(cents.value) printed as \(printed) reads back differently") }
    return 0
}

import CShims

/// SHA-256 of a byte sequence, through OpenSSL's libcrypto, as lowercase hex.
public enum SHA256 {
    public static func hex(_ bytes: [UInt8]) -> String {
        guard let context = aqb_sha256_new() else { return "" }
        defer { aqb_sha256_free(context) }
        var digest = [UInt8](repeating: 0, count: 32)
        let ok =
            bytes.withUnsafeBytes { aqb_sha256_update(context, $0.baseAddress, $0.count) } == 1
            && digest.withUnsafeMutableBufferPointer { aqb_sha256_final(context, $0.baseAddress) } == 1
        guard ok else { return "" }
        let digits = Array("0123456789abcdef")
        return String(digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }
}

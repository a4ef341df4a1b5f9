import CShims

/// SHA-256 of a byte sequence, through OpenSSL's libcrypto, as lowercase hex.
public enum SHA256 {
    public static func hex(_ bytes: [UInt8]) -> String {
        let hasher = Hasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finish()
    }

    /// A hash computed piece by piece, for a file whose bytes are never in memory at once: the
    /// manifest's hash of a streamed file is taken from the bytes as they are written
    /// (`FileWriter`), not read back from the disk.
    final class Hasher {
        private var context: OpaquePointer?
        /// A failure of libcrypto, reported by `finish` as an empty hash (as `hex` did before).
        private var failed = false

        init() {
            context = aqb_sha256_new()
            failed = context == nil
        }

        deinit { if let context { aqb_sha256_free(context) } }

        func update(_ bytes: UnsafeRawBufferPointer) {
            guard let context, !failed, bytes.count > 0 else { return }
            if aqb_sha256_update(context, bytes.baseAddress, bytes.count) != 1 { failed = true }
        }

        /// The hash as lowercase hex; "" when libcrypto failed. Call once.
        func finish() -> String {
            guard let context, !failed else { return "" }
            var digest = [UInt8](repeating: 0, count: 32)
            guard digest.withUnsafeMutableBufferPointer({ aqb_sha256_final(context, $0.baseAddress) }) == 1 else { return "" }
            let digits = Array("0123456789abcdef")
            return String(digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
        }
    }
}

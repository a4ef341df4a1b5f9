import Foundation

/// How a connection attempt failed, in libpq's terms rather than its (translated) words, so that
/// the decision to try again does not depend on the server's `lc_messages`.
///
/// A German server says "Passwort-Authentifizierung für Benutzer … fehlgeschlagen"; an English
/// test of the word "password" retried that bad login. The phase libpq was in, whether it
/// needed or used a password, and the SQLSTATE of the server's answer say the same in every
/// language.
public struct ConnectionFailure: Sendable, Equatable {
    /// Where the attempt ended.
    public enum Phase: Sendable, Equatable {
        /// libpq refused the connection string or options before connecting.
        case options
        /// The server was not reached, or did not answer (down, restarting, network).
        case reaching
        /// TLS negotiation or certificate verification: a wrong CA or host name stays wrong.
        case tls
        /// The server answered and refused: authentication, a missing database, startup checks.
        case startup
    }

    public var phase: Phase
    /// The server asked for a password and none was at hand (`PQconnectionNeedsPassword`).
    public var neededPassword: Bool
    /// A password was sent (`PQconnectionUsedPassword`); a failure after that is a refused login.
    public var usedPassword: Bool

    public init(phase: Phase, neededPassword: Bool = false, usedPassword: Bool = false) {
        self.phase = phase
        self.neededPassword = neededPassword
        self.usedPassword = usedPassword
    }

    /// Whether another attempt can succeed: only when the server was not reached, or answered
    /// that it cannot take the connection yet (starting up, shutting down, too many clients).
    public func isWorthRetrying(sqlState: String?) -> Bool {
        if neededPassword || usedPassword || phase == .tls || phase == .options { return false }
        if let sqlState {
            return sqlState.hasPrefix("08") || sqlState == "57P03" || sqlState == "57P01" || sqlState == "53300"
        }
        return phase == .reaching
    }

    /// The SQLSTATE in a verbose libpq startup message (`FATAL:  28P01: …`), found by the
    /// message's shape, not its words: severity, colon, two blanks, five code characters, colon.
    static func sqlState(inVerboseMessage message: String) -> String? {
        let bytes = Array(message.utf8)
        guard bytes.count >= 9 else { return nil }
        for start in 3...(bytes.count - 6)
        where bytes[start - 3] == UInt8(ascii: ":") && bytes[start - 2] == 0x20 && bytes[start - 1] == 0x20
            && bytes[start + 5] == UInt8(ascii: ":")
        {
            let code = bytes[start..<(start + 5)]
            if code.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) {
                return String(decoding: code, as: UTF8.self)
            }
        }
        return nil
    }

    /// The verbose message without its `LOCATION:` line and with the code moved out of the text
    /// (it is shown as "(SQLSTATE …)" by `PGError`).
    static func readable(_ message: String, sqlState: String?) -> String {
        var lines = message.split(separator: "\n").filter { !$0.hasPrefix("LOCATION:") }.map(String.init)
        if let sqlState { lines = lines.map { $0.replacingFirst(":  \(sqlState): ", with: ":  ") } }
        let text = lines.joined(separator: "; ")
        return text.isEmpty ? "unknown libpq error" : text
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}

import CLibPQ

/// What we need to know about a connection string without connecting: whether it carries a
/// password. Parsed by libpq itself (`PQconninfoParse`), so keyword strings and URIs count alike.
public enum ConnectionString {
    public static func holdsPassword(_ conninfo: String) -> Bool {
        guard !conninfo.isEmpty else { return false }
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &message) else {
            if let message { PQfreemem(message) }
            // Not parseable: libpq will refuse it too; treat as possibly secret.
            return conninfo.contains("password") || conninfo.contains("@")
        }
        defer { PQconninfoFree(options) }
        var index = 0
        while let keyword = options[index].keyword {
            if String(cString: keyword) == "password", let value = options[index].val, value.pointee != 0 { return true }
            index += 1
        }
        return false
    }
}

import Testing

@testable import AQBReport

/// Passwords never reach a message: libpq's own list of secret keys for strings it can parse,
/// the shapes of a URI and a keyword string for those it cannot (and then quotes whole).
@Suite struct ConnectionStringTests {
    @Test(arguments: [
        ("host=x password=Geheim-456 dbname=aqb", "libpq: host=x password=Geheim-456 dbname=aqb"),
        ("host=x password='Ge heim\\'456' dbname=aqb", "said: password='Ge heim\\'456' and Ge heim'456"),
        ("postgresql://u:Geheim-456@x/db", "invalid: \"postgresql://u:Geheim-456@x/db\""),
        ("postgresql://u:Geheim-456@[::1:5432/db", "invalid URI: \"postgresql://u:Geheim-456@[::1:5432/db\""),
        ("host=x password = 'Geheim-456", "unterminated: password = 'Geheim-456"),
    ])
    func passwordsAreMaskedInAnyMessage(conninfo: String, message: String) {
        let masked = ConnectionString.masked(message, conninfo: conninfo)
        #expect(!masked.contains("Geheim") && !masked.contains("heim'456"), "\(masked)")
        #expect(masked.contains("********"))
    }

    @Test func messagesWithoutSecretsStayAsTheyAre() {
        let text = "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: No such file or directory; move the password to ~/.pgpass"
        #expect(ConnectionString.masked(text, conninfo: "host=/tmp dbname=aqb") == text)
    }

    @Test func holdsPasswordAsLibpqSeesIt() {
        #expect(ConnectionString.holdsPassword("host=x password=Geheim-456"))
        #expect(ConnectionString.holdsPassword("postgresql://u:Geheim-456@x/db"))
        #expect(!ConnectionString.holdsPassword("host=x dbname=aqb"))
        #expect(ConnectionString.secretValues("postgresql://u:Geheim%2D456@x/db") == ["Geheim-456"], "decoded, as libpq sends it")
    }

    /// Found by `scripts/fuzz connection`: text stuck to the closing quote of a malformed value
    /// was left for a second pass to mask.
    @Test func maskingTwiceChangesNothing() {
        let once = ConnectionString.maskedByShape("password = 'ggeheim 'x//'\"user=u")
        #expect(ConnectionString.maskedByShape(once) == once)
        #expect(!once.contains("geheim"))
    }
}

import Testing

@testable import AQBReport

/// Whether to connect again is decided by libpq's state and the SQLSTATE, never by the words of
/// a message, which a German server writes in German.
@Suite struct ConnectionFailureTests {
    @Test(arguments: [
        (
            "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  28P01: Passwort-Authentifizierung für Benutzer »aqb« fehlgeschlagen\nLOCATION:  auth_failed, auth.c:323\n",
            "28P01"
        ),
        ("connection to server at \"db\" (10.0.0.1), port 5432 failed: FATAL:  3D000: database \"x\" does not exist\n", "3D000"),
        ("connection to server at \"db\" (10.0.0.1), port 5432 failed: FATAL:  57P03: das Datenbanksystem startet\n", "57P03"),
        ("connection to server on socket \"/tmp/.s.PGSQL.1\" failed: No such file or directory\n", nil),
    ])
    func sqlStateIsReadByShapeInAnyLanguage(message: String, sqlState: String?) {
        #expect(ConnectionFailure.sqlState(inVerboseMessage: message) == sqlState)
    }

    @Test func theReadableMessageDropsLocationAndCode() {
        let text = ConnectionFailure.readable(
            "failed: FATAL:  28P01: Passwort-Authentifizierung fehlgeschlagen\nLOCATION:  auth_failed, auth.c:323\n", sqlState: "28P01")
        #expect(text == "failed: FATAL:  Passwort-Authentifizierung fehlgeschlagen")
    }

    @Test func onlyAnUnreachableOrBusyServerIsTriedAgain() {
        #expect(ConnectionFailure(phase: .reaching).isWorthRetrying(sqlState: nil))
        #expect(ConnectionFailure(phase: .startup).isWorthRetrying(sqlState: "57P03"))
        #expect(ConnectionFailure(phase: .startup).isWorthRetrying(sqlState: "53300"))
        #expect(!ConnectionFailure(phase: .startup, usedPassword: true).isWorthRetrying(sqlState: "28P01"))
        #expect(!ConnectionFailure(phase: .startup, usedPassword: true).isWorthRetrying(sqlState: nil), "a refused password, any language")
        #expect(!ConnectionFailure(phase: .startup, neededPassword: true).isWorthRetrying(sqlState: nil))
        #expect(!ConnectionFailure(phase: .startup).isWorthRetrying(sqlState: "3D000"))
        #expect(!ConnectionFailure(phase: .startup).isWorthRetrying(sqlState: "28000"))
        #expect(!ConnectionFailure(phase: .tls).isWorthRetrying(sqlState: nil))
        #expect(!ConnectionFailure(phase: .options).isWorthRetrying(sqlState: nil))
    }
}

import Foundation
import Testing

@testable import AQBReport

@Suite struct ConfigFileTests {
    func write(_ text: String, mode: Int = 0o600) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/config.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (folder, path)
    }

    @Test func theExampleFileIsValidAndComplete() throws {
        let settings = try ConfigFile.load(path: Repository.path("config/aqb-report.example.yaml"))
        #expect(Set(settings.values.keys) == Set(ConfigKey.allCases), "the example shows every key")
        #expect(settings[.years] == .years([2023, 2024, 2025, 2026]))
        #expect(settings[.csvFormat] == .text("de"))
        #expect(settings[.keep] == .integer(30))
    }

    @Test(arguments: [
        ("outt: x\n", "unknown key 'outt'"),
        ("keep: zwei\n", "key 'keep' must be a whole number of at least 1, got 'zwei'"),
        ("keep: 0\n", "key 'keep' must be a whole number of at least 1"),
        ("csv_format: excel\n", "key 'csv_format' must be one of de, rfc4180"),
        ("disclosure_control: vielleicht\n", "key 'disclosure_control' must be true or false"),
        ("years: [2024, zwanzig]\n", "key 'years' must be a list of four-digit years"),
        ("out: [a, b]\n", "key 'out' must be a single value"),
        ("out: x\n  bad: indentation\n", "is not valid YAML"),
        ("", "is empty"),
        ("- a\n- b\n", "must be a mapping"),
    ])
    func invalidFilesAreRejectedNamingKeyAndFile(text: String, message: String) throws {
        let (folder, path) = try write(text)
        let error = #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
        #expect(error?.description.contains(path) == true)
        #expect(error?.reportError.status == .config)
        _ = folder
    }

    @Test func missingFileIsAnError() {
        let error = #expect(throws: ConfigError.self) { try ConfigFile.load(path: "/nonexistent/aqb.yaml") }
        #expect(error?.description.contains("/nonexistent/aqb.yaml") == true)
    }

    @Test(arguments: ["db: \"host=x password=geheim\"\n", "db: postgresql://u:geheim@x/aqb\n"])
    func passwordInAReadableFileIsRefused(text: String) throws {
        let (folder, path) = try write(text, mode: 0o644)
        let error = #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(error?.description.contains("chmod 600") == true)
        #expect(error?.description.contains("geheim") == false)
        let (privateFolder, privatePath) = try write(text, mode: 0o600)
        #expect(throws: Never.self) { try ConfigFile.load(path: privatePath) }
        _ = (folder, privateFolder)
    }

    @Test func environmentOverridesFileAndFlagsOverrideEnvironment() throws {
        let (folder, path) = try write("out: from-file\nkeep: 5\ncsv_format: rfc4180\n")
        let file = try ConfigFile.load(path: path)
        let environment = try Settings.environment(["AQB_OUT": "from-env", "AQB_KEEP": "7", "HOME": "/x"])
        let flags = Settings([.out: .text("from-flag")])
        let merged = file.overridden(by: environment).overridden(by: flags)
        #expect(merged[.out] == .text("from-flag"))
        #expect(merged[.keep] == .integer(7))
        #expect(merged[.csvFormat] == .text("rfc4180"))
        let request = merged.request(asOf: try #require(CalendarDate(iso: "2025-09-30")))
        #expect(request.outputBase == "from-flag" && request.keep == 7 && request.csvFormat == .rfc4180)
        #expect(request.years == [2025], "the default year is the Stichtag's")
        _ = folder
    }

    @Test(arguments: [
        (["AQB_KEEP": "-1"], "AQB_KEEP"), (["AQB_OUTPUT": "x"], "unknown environment variable AQB_OUTPUT"),
        (["AQB_YEARS": "2024,x"], "AQB_YEARS"), (["AQB_STALE_IS_ERROR": "2"], "AQB_STALE_IS_ERROR"),
    ])
    func invalidEnvironmentIsAnError(environment: [String: String], message: String) {
        let error = #expect(throws: ConfigError.self) { try Settings.environment(environment) }
        #expect(error?.description.contains(message) == true)
    }
}

/// Every key rejects an invalid value, from the file and from the environment, naming itself.
@Suite struct ConfigKeyValidationTests {
    static func invalidValue(for key: ConfigKey) -> String? {
        switch key.kind {
        case .text: nil
        case .integer: "-5"
        case .boolean: "perhaps"
        case .choice: "nonsense"
        case .years: "20x4"
        case .list: "csv,pdf"
        case .areaKeys: "06634,6437"
        }
    }

    @Test(arguments: ConfigKey.allCases.filter { invalidValue(for: $0) != nil })
    func invalidValueIsRejectedFromEnvironmentAndFile(key: ConfigKey) throws {
        let value = try #require(Self.invalidValue(for: key))
        let error = #expect(throws: ConfigError.self) { try Settings.environment([key.environmentName: value]) }
        #expect(error?.description.contains(key.environmentName) == true)
        let folder = try TemporaryFolder()
        let path = folder.path + "/c.yaml"
        try "\(key.rawValue): \(value)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let fileError = #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(fileError?.description.contains("'\(key.rawValue)'") == true)
        #expect(fileError?.reportError.status == .config)
    }
}

/// A configuration file that holds a password: its mode is checked before any parse error is
/// shown, and no message quotes the password.
@Suite struct ConfigFileSecretTests {
    func write(_ text: String, mode: Int) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let path = folder.path + "/config.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return (folder, path)
    }

    static let broken = [
        "db: \"host=x password=Geheim-456\"\ndb: other\n",
        "db: postgresql://u:Geheim-456@x/aqb\nkeep: [\n",
        "db: \"host=x password=Geheim-456\"\n  bad: indentation\n",
    ]

    @Test(arguments: broken)
    func aReadableFileWithAPasswordIsRefusedBeforeItsParseError(text: String) throws {
        let (folder, path) = try write(text, mode: 0o644)
        let error = #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(error?.description.contains("chmod 600") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("Geheim") == false)
        _ = folder
    }

    @Test(arguments: broken)
    func aParseErrorNeverQuotesThePassword(text: String) throws {
        let (folder, path) = try write(text, mode: 0o600)
        let error = #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        #expect(error?.description.contains("Geheim") == false, "\(error?.description ?? "")")
        _ = folder
    }
}

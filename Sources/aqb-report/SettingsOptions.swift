import AQBReport
import ArgumentParser
import Foundation

/// The options every subcommand that reads settings shares: the configuration file and the
/// flags that override it. Unset flags leave the environment's and the file's values alone.
struct SettingsOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "YAML configuration file (also AQB_CONFIG).")
    var config: String?

    @Option(name: .customLong("db"), help: "libpq connection string or URI. Default: PG* variables, ~/.pgpass, service file.")
    var db: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical. Default: info.")
    var logLevel: String?

    @Option(name: .customLong("connect-attempts"), help: "Connection attempts before giving up (status 69). Default: 3.")
    var connectAttempts: Int?

    /// Settings after command line > environment > file > defaults.
    func merged(commandLine: Settings) throws(ReportError) -> Settings {
        let environment = ProcessInfo.processInfo.environment
        do {
            let file =
                try (config ?? environment["AQB_CONFIG"]).map { path throws(ConfigError) in try ConfigFile.load(path: path) } ?? Settings()
            let fromEnvironment = try Settings.environment(environment)
            var flags = commandLine
            if let db { flags[.db] = .text(db) }
            if let logLevel { flags[.logLevel] = try Self.validated(logLevel, .logLevel, flag: "--log-level") }
            if let connectAttempts {
                flags[.connectAttempts] = try Self.validated(String(connectAttempts), .connectAttempts, flag: "--connect-attempts")
            }
            return file.overridden(by: fromEnvironment).overridden(by: flags)
        } catch {
            throw error.reportError
        }
    }

    /// A flag's value checked like a configuration value, but reported as usage (64).
    static func validated(_ text: String, _ key: ConfigKey, flag: String) throws(ConfigError) -> ConfigValue {
        switch ConfigValue.parse(text, for: key) {
        case .success(let value): return value
        case .failure(let reason): throw ConfigError("\(flag) \(reason.text).", isUsage: true)
        }
    }
}

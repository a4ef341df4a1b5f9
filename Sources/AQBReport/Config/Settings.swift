/// Settings from one source, or merged from several: command line > environment > file > defaults.
public struct Settings: Sendable, Equatable {
    public private(set) var values: [ConfigKey: ConfigValue] = [:]

    public init(_ values: [ConfigKey: ConfigValue] = [:]) { self.values = values }

    public subscript(key: ConfigKey) -> ConfigValue? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// These settings with `higher`'s values winning wherever it has one.
    public func overridden(by higher: Settings) -> Settings {
        Settings(values.merging(higher.values) { _, new in new })
    }

    /// `AQB_*` variables; an unknown `AQB_` name is an error, so a typo does not go unnoticed.
    public static func environment(_ environment: [String: String]) throws(ConfigError) -> Settings {
        var settings = Settings()
        let known = Dictionary(uniqueKeysWithValues: ConfigKey.allCases.map { ($0.environmentName, $0) })
        for (name, text) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("AQB_") {
            if name == "AQB_CONFIG" { continue }
            guard let key = known[name] else {
                let names = ConfigKey.allCases.map(\.environmentName).joined(separator: ", ")
                throw ConfigError("unknown environment variable \(name); unset it or use one of AQB_CONFIG, \(names).")
            }
            switch ConfigValue.parse(text, for: key) {
            case .success(let value): settings[key] = value
            case .failure(let reason): throw ConfigError("environment variable \(name) \(reason.text).")
            }
        }
        return settings
    }

    /// Builds the run's request. `asOf` comes from the command line or today's date.
    public func request(asOf: CalendarDate) -> ReportRequest {
        var request = ReportRequest(years: self[.years]?.years ?? [asOf.year], asOf: asOf, outputBase: self[.out]?.text ?? "reports")
        request.conninfo = self[.db]?.text ?? ""
        if let format = self[.csvFormat]?.text.flatMap(CSVFormat.init(rawValue:)) { request.csvFormat = format }
        request.formats = self[.formats]?.list
        if let value = self[.disclosureControl]?.boolean { request.disclosureControl = value }
        if let value = self[.statementTimeoutMs]?.integer { request.session.statementTimeoutMs = value }
        if let value = self[.lockTimeoutMs]?.integer { request.session.lockTimeoutMs = value }
        if let value = self[.idleInTransactionTimeoutMs]?.integer { request.session.idleInTransactionTimeoutMs = value }
        if let value = self[.applicationName]?.text { request.session.applicationName = value }
        if let value = self[.connectAttempts]?.integer { request.connectAttempts = value }
        if let value = self[.connectBackoffMs]?.integer { request.connectBackoffMs = value }
        if let value = self[.dbSessions]?.integer { request.databaseSessions = value }
        request.keep = self[.keep]?.integer
        request.maxBookingAgeDays = self[.maxBookingAgeDays]?.integer
        if let value = self[.staleIsError]?.boolean { request.staleIsError = value }
        if let value = self[.proRataMargin]?.integer { request.proRataMargin = value }
        if let rule = self[.countDay]?.text.flatMap(ZaehltagRule.init(rawValue:)) { request.zaehltagRule = rule }
        return request
    }
}

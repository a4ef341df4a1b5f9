/// A validated setting.
public enum ConfigValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case boolean(Bool)
    case years([Int])
    case list([String])

    /// Reads the text form a value has in the environment or as a YAML scalar; `nil` with the
    /// reason when it is not valid for the key.
    public static func parse(_ text: String, for key: ConfigKey) -> Result<ConfigValue, ConfigError.Reason> {
        switch key.kind {
        case .text:
            return .success(.text(text))
        case .integer(let minimum, let maximum):
            guard let value = Int(text), value >= minimum else {
                return .failure(.init("must be a whole number of at least \(minimum), got '\(text)'"))
            }
            guard value <= maximum else {
                return .failure(.init("must be a whole number of at most \(maximum), got '\(text)'"))
            }
            return .success(.integer(value))
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "1", "on": return .success(.boolean(true))
            case "false", "no", "0", "off": return .success(.boolean(false))
            default: return .failure(.init("must be true or false, got '\(text)'"))
            }
        case .choice(let choices):
            guard choices.contains(text) else {
                return .failure(.init("must be one of \(choices.joined(separator: ", ")), got '\(text)'"))
            }
            return .success(.text(text))
        case .years:
            let parts = text.split(separator: ",").map { $0.trimmingWhitespace }
            let years = parts.compactMap { Int($0) }.filter { (1900...9999).contains($0) }
            guard !parts.isEmpty, years.count == parts.count else {
                return .failure(.init("must be a list of four-digit years such as 2024,2025, got '\(text)'"))
            }
            return .success(.years(years))
        case .list(let choices):
            let parts = text.split(separator: ",").map { String($0.trimmingWhitespace) }
            guard !parts.isEmpty, parts.allSatisfy(choices.contains) else {
                return .failure(.init("must be a list of \(choices.joined(separator: ", ")), got '\(text)'"))
            }
            return .success(.list(parts))
        case .areaKeys:
            let parts = text.split(separator: ",").map { String($0.trimmingWhitespace) }
            let isKey = { (part: String) in part.utf8.count == 5 && part.utf8.allSatisfy { (0x30...0x39).contains($0) } }
            guard !parts.isEmpty, parts.allSatisfy(isKey) else {
                return .failure(.init("must be a list of five-digit Kreis keys such as 06634,06437, got '\(text)'"))
            }
            return .success(.list(parts))
        }
    }

    public var text: String? { if case .text(let value) = self { value } else { nil } }
    public var integer: Int? { if case .integer(let value) = self { value } else { nil } }
    public var boolean: Bool? { if case .boolean(let value) = self { value } else { nil } }
    public var years: [Int]? { if case .years(let value) = self { value } else { nil } }
    public var list: [String]? { if case .list(let value) = self { value } else { nil } }
}

/// A configuration problem: status 78, naming the key and where it came from.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public struct Reason: Error, Sendable {
        public let text: String
        public init(_ text: String) { self.text = text }
    }

    public let description: String
    /// A bad command-line value: the same wording, but reported as usage (64), not configuration (78).
    public let isUsage: Bool

    public init(_ description: String, isUsage: Bool = false) {
        self.description = description
        self.isUsage = isUsage
    }

    public var reportError: ReportError { ReportError(isUsage ? .usage : .config, description) }
}

import Foundation
import Yams

#if canImport(Glibc)
    import Glibc
#endif

/// The YAML configuration file (`config/aqb-report.example.yaml` shows every key).
///
/// Strict: an unknown key, a value of the wrong type or out of range, a file that is missing,
/// empty or not YAML is an error naming the file and the key, never a silent default.
public enum ConfigFile {
    public static func load(path: String) throws(ConfigError) -> Settings {
        // The mode and owner are taken from the descriptor the text is read from, so a file
        // swapped in between the check and the read cannot slip through.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigError("configuration file \(path) does not exist or cannot be read; check --config / AQB_CONFIG.")
        }
        defer { try? handle.close() }
        var info = stat()
        guard fstat(handle.fileDescriptor, &info) == 0, let data = try? handle.readToEnd() ?? Data(),
            let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError("configuration file \(path) cannot be read as UTF-8 text; check its permissions and encoding.")
        }
        // The file-mode check comes before any parse error: a parse error quotes the line it
        // failed on, and that line may hold the password.
        let readableByOthers = (info.st_mode & 0o077) != 0
        if readableByOthers, ConnectionString.maskedByShape(text) != text {
            throw passwordInReadableFile(path)
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch {
            let reason = ConnectionString.maskedByShape(String(describing: error).split(separator: "\n").joined(separator: " "))
            throw ConfigError("configuration file \(path) is not valid YAML: \(reason); fix the syntax.")
        }
        guard let node else { throw ConfigError("configuration file \(path) is empty; remove --config or add settings.") }
        guard let mapping = node.mapping else {
            throw ConfigError("configuration file \(path) must be a mapping of key: value lines.")
        }
        var settings = Settings()
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? "?"
            guard let key = ConfigKey(rawValue: name) else {
                let known = ConfigKey.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError("configuration file \(path): unknown key '\(name)'; known keys are \(known).")
            }
            let text: String
            switch valueNode {
            case .scalar(let scalar):
                text = scalar.string
            case .sequence(let sequence) where [.years, .formats, .mailAttachments, .mailTo, .alertTo, .mailKreise].contains(key):
                text = sequence.map { $0.string ?? "?" }.joined(separator: ",")
            default:
                throw ConfigError("configuration file \(path): key '\(name)' must be a single value.")
            }
            switch ConfigValue.parse(text, for: key) {
            case .success(let value): settings[key] = value
            case .failure(let reason):
                throw ConfigError("configuration file \(path): key '\(name)' \(ConnectionString.maskedByShape(reason.text)).")
            }
        }
        if let db = settings[.db]?.text, ConnectionString.holdsPassword(db), readableByOthers { throw passwordInReadableFile(path) }
        let trust = ConfigFileTrust(mode: info.st_mode, owner: info.st_uid)
        if let problem = trust.problem, let key = ConfigFileTrust.programKeys.first(where: { settings[$0] != nil }) {
            throw ConfigError(
                "configuration file \(path) names the program the report runs (\(key.rawValue)) but \(problem) \(path), or set \(key.rawValue) elsewhere (\(key.environmentName), --\(key.rawValue))."
            )
        }
        return settings
    }

    private static func passwordInReadableFile(_ path: String) -> ConfigError {
        ConfigError(
            "configuration file \(path) holds a database password and is readable by group or others; run chmod 600 \(path), or better move the password to ~/.pgpass."
        )
    }
}

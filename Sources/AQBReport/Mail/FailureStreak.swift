/// Whether the nightly runs are in a failure streak, kept in `<out>/.aqb-report-mail-state`.
///
/// The file lives beside the reports and is read and replaced only while holding the run lock.
/// It is replaced atomically (a new file under a name no one can guess, fsync, rename, fsync of
/// the folder), so a crash at any moment leaves the old or the new state, never half of one:
/// a lost state would mean a second alert, or none at all.
enum FailureStreak: Equatable {
    case none
    /// Failing since the run that sent the alert; `since` is its time (ISO, Europe/Berlin).
    case failing(since: String, status: Int32)

    static let fileName = ".aqb-report-mail-state"

    /// The state in `base`; a missing or unreadable file is no streak (at worst, one alert too many).
    static func read(_ base: Directory) -> FailureStreak {
        guard let bytes = try? base.readFile(fileName, limit: 4096) else { return .none }
        let fields = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first?.split(separator: " ") ?? []
        guard fields.count == 3, fields[0] == "failing", let status = Int32(fields[2]) else { return .none }
        return .failing(since: String(fields[1]), status: status)
    }

    func write(_ base: Directory) throws(FileSystem.Failure) {
        let text =
            switch self {
            case .none: "ok\n"
            case .failing(let since, let status): "failing \(since) \(status)\n"
            }
        try base.replaceFile(FailureStreak.fileName, Array(text.utf8))
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// Whether a configuration file may name a program for the report to run (`sendmail`).
///
/// Why: the program runs as the report's user, with its database login and its output folder.
/// A file that another user owns, or that everyone may write, lets that user choose the
/// program, so it is refused with status 78, as `ssh` refuses a foreign `authorized_keys`. Root's
/// files are trusted: `/etc/aqb-report/config.yaml` is root's, and root can run anything anyway.
struct ConfigFileTrust: Sendable, Equatable {
    var mode: mode_t
    var owner: uid_t
    /// The effective user of the report.
    var user: uid_t

    init(mode: mode_t, owner: uid_t, user: uid_t = geteuid()) {
        self.mode = mode
        self.owner = owner
        self.user = user
    }

    /// What is wrong with the file and how to fix it; `nil` when it may name a program.
    var problem: String? {
        if owner != user, owner != 0 {
            return "is owned by uid \(owner), not by the report's user (uid \(user)) or root; run chown \(user)"
        }
        if mode & S_IWOTH != 0 { return "may be written by every user; run chmod o-w" }
        return nil
    }

    /// The keys whose value is a program the report runs.
    static let programKeys: [ConfigKey] = [.sendmail]
}

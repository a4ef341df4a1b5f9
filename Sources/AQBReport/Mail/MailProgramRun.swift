import CShims
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One run of the mail program: the mail is written to its input, its output is read, and it is
/// waited for, all under one deadline.
///
/// Why one deadline: a program that never reads its input blocked the write, one that left a
/// child holding its output blocked the read, each with no limit, and the run stayed for minutes
/// with the children behind it. The program runs in a process group of its own, so at the
/// deadline SIGTERM and, after `grace`, SIGKILL reach it and every child it started.
struct MailProgramRun {
    /// How the program ended.
    enum Ending: Equatable {
        case exited(Int32)
        case killedBySignal(Int32)
        /// The deadline passed; the process group was stopped.
        case stopped
    }

    var ending: Ending
    /// The bytes of the mail the program took before it closed its input.
    var bytesTaken: Int
    /// What it printed on stdout and stderr (at most 64 KiB).
    var output: String

    /// Starts `arguments[0]` with `arguments`, hands it `input` and waits for it.
    static func run(
        _ arguments: [String], input: [UInt8], deadline: Duration, grace: Duration
    ) throws(Sendmail.Failure) -> MailProgramRun {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard aqb_pipe_cloexec(&toChild) == 0 else { throw Sendmail.Failure(reason: "cannot create a pipe: \(errnoText())") }
        guard aqb_pipe_cloexec(&fromChild) == 0 else {
            close(toChild[0])
            close(toChild[1])
            throw Sendmail.Failure(reason: "cannot create a pipe: \(errnoText())")
        }
        let pid: pid_t
        do throws(Sendmail.Failure) {
            pid = try spawn(arguments, stdin: toChild[0], output: fromChild[1])
        } catch {
            for fd in toChild + fromChild { close(fd) }
            throw error
        }
        close(toChild[0])
        close(fromChild[1])
        StopSignals.watchMailProgram(pid)
        defer { StopSignals.watchMailProgram(nil) }
        // A program that closes its input makes the write fail with EPIPE, which is handled
        // below; the signal would end the whole run (the binary ignores it anyway, see main).
        signal(SIGPIPE, SIG_IGN)
        var writing: Int32? = toChild[1]
        var reading: Int32? = fromChild[0]
        for fd in [toChild[1], fromChild[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        defer {
            if let writing { close(writing) }
            if let reading { close(reading) }
        }
        var written = 0
        var output: [UInt8] = []
        var status: Int32?
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            if status == nil { status = reap(pid, blocking: false) }
            if writing == nil, reading == nil, status != nil { break }
            let left = clock.now.duration(to: end)
            guard left > .zero else {
                stopGroup(pid, reaped: status != nil, grace: grace)
                return MailProgramRun(ending: .stopped, bytesTaken: written, output: String(decoding: output, as: UTF8.self))
            }
            // Short slices: the child's exit is not a descriptor poll can wait on.
            let sliceMs = Int32(min(50, max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            var descriptors: [pollfd] = []
            if let writing { descriptors.append(pollfd(fd: writing, events: Int16(POLLOUT), revents: 0)) }
            if let reading { descriptors.append(pollfd(fd: reading, events: Int16(POLLIN), revents: 0)) }
            if descriptors.isEmpty {
                usleep(UInt32(sliceMs) * 1000)
                continue
            }
            guard poll(&descriptors, nfds_t(descriptors.count), sliceMs) > 0 else { continue }
            for descriptor in descriptors where descriptor.revents != 0 {
                if descriptor.fd == writing {
                    let count = input[written...].withUnsafeBytes { bytes in
                        Glibc.write(descriptor.fd, bytes.baseAddress, min(bytes.count, 65_536))
                    }
                    if count > 0 { written += count }
                    if written == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                        // Closed when all is written (sendmail reads to the end), or when the
                        // program closed its end (EPIPE): the rest of the mail cannot be handed over.
                        close(descriptor.fd)
                        writing = nil
                    }
                } else {
                    let count = read(descriptor.fd, &buffer, buffer.count)
                    if count > 0 {
                        if output.count < 65_536 { output += buffer[0..<count] }
                    } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                        close(descriptor.fd)
                        reading = nil
                    }
                }
            }
        }
        let raw = status ?? 0
        let ending: Ending = raw & 0x7F == 0 ? .exited((raw >> 8) & 0xFF) : .killedBySignal(raw & 0x7F)
        return MailProgramRun(ending: ending, bytesTaken: written, output: String(decoding: output, as: UTF8.self))
    }

    /// `posix_spawn` into a new process group, with the signals we ignore (SIGPIPE; SIGTERM,
    /// SIGINT and SIGHUP, which `StopSignals` receives through dispatch) back at their defaults:
    /// an ignored signal would otherwise stay ignored in the program.
    private static func spawn(_ arguments: [String], stdin: Int32, output: Int32) throws(Sendmail.Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard result == 0 else {
            throw Sendmail.Failure(reason: "cannot start \(arguments[0].escapingControlCharacters): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// The wait status, or `nil` while the process runs (non-blocking).
    private static func reap(_ pid: pid_t, blocking: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { return status }
            if result < 0, errno == EINTR { continue }
            // ECHILD: someone else reaped it; whatever it did is unknown, so it is no success.
            return result < 0 ? 255 << 8 : nil
        }
    }

    /// SIGTERM to the whole group, SIGKILL to what is left after `grace`; the program is reaped.
    private static func stopGroup(_ pid: pid_t, reaped: Bool, grace: Duration) {
        let clock = ContinuousClock()
        var reaped = reaped
        kill(-pid, SIGTERM)
        let end = clock.now + grace
        while clock.now < end {
            if !reaped { reaped = reap(pid, blocking: false) != nil }
            // The group is gone when no member is left (the reaped leader no longer counts).
            if reaped, kill(-pid, 0) != 0 { return }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        if !reaped { _ = reap(pid, blocking: true) }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

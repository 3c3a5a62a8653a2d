import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program without a shell and collects what it writes, for `boardpack sources`.
///
/// Written on `posix_spawnp` rather than Foundation's `Process` because a timeout must stop
/// the command and everything it started: the command runs in a process group of its own,
/// and the whole group is killed when the time is up (a `psql` behind a wrapper script, or a
/// `sleep` inside `sh -c`, would otherwise keep the output pipe open and the read waiting).
enum CommandRunner {
    /// How a run ended.
    enum Outcome: Equatable {
        /// The program exited (or was killed by a signal, as 128 + the signal) with its output.
        case exited(status: Int32, stdout: [UInt8], stderr: [UInt8])
        /// It was still running after the timeout, and was killed with its process group.
        case timedOut(stderr: [UInt8])
        /// It wrote more than the output limit, and was killed with its process group.
        case tooLarge(limit: Int)
        /// It could not be started (no such program, not executable).
        case notStarted(reason: String)
    }

    /// Runs `arguments` (the program first, found through `PATH`) in `directory` with
    /// `environment` and an empty standard input, in a session of its own (no terminal: a
    /// client asking for a password fails at once instead of waiting), for at most `timeout`
    /// seconds and `limit` bytes of output.
    static func run(
        _ arguments: [String], environment: [String: String], directory: String, timeout: Double, limit: Int
    ) -> Outcome {
        // The environment's PATH finds the program, as a shell would.
        guard let program = resolve(arguments[0], path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
            return .notStarted(reason: "`\(arguments[0])` is not a program found on PATH")
        }
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { return .notStarted(reason: String(cString: strerror(errno))) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session: its own process group (killed as one), and no controlling terminal.
        // glibc's POSIX_SPAWN_SETSID (0x80, since 2.26), which its Swift module does not export.
        posix_spawnattr_setflags(&attributes, Int16(0x80))
        // In `directory`, through coreutils' `env -C` (exec, so the program keeps the pid):
        // posix_spawn_file_actions_addchdir_np is not exported either.
        let argv = (["env", "-C", directory, "--", program] + arguments.dropFirst()).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv + envp { free(p) }
        }
        var pid: pid_t = 0
        Interruption.install()
        let spawned = posix_spawn(&pid, "/usr/bin/env", &actions, &attributes, argv, envp)
        Interruption.running = spawned == 0 ? pid : 0
        defer { Interruption.running = 0 }
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            return .notStarted(reason: "`\(arguments[0])`: \(String(cString: strerror(spawned)))")
        }
        // Both pipes are drained while the command runs, so that a full pipe never stalls it.
        let output = Drain(outPipe[0], limit: limit), errors = Drain(errPipe[0], limit: 1 << 20)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var stopped: Outcome?
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR {
                stopped = .notStarted(reason: "lost the command: \(String(cString: strerror(errno)))")
                break
            }
            if Date() >= deadline || output.overflowed {
                stopped = output.overflowed ? .tooLarge(limit: limit) : .timedOut(stderr: [])
                kill(-pid, SIGTERM)
                usleep(200_000)
                kill(-pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        // A child the command left behind may still hold the pipes: stop its group too. One
        // that left the group (`setsid`) and keeps them open is waited for until the deadline.
        kill(-pid, SIGKILL)
        let remaining = max(0, deadline.timeIntervalSinceNow)
        guard let stdout = output.finish(within: remaining), let stderr = errors.finish(within: 0.5) else {
            return .timedOut(stderr: [])
        }
        // Past the limit the pipe is closed: the command may have died of it before the check.
        if output.overflowed { return .tooLarge(limit: limit) }
        if case .timedOut? = stopped { return .timedOut(stderr: stderr) }
        if let stopped { return stopped }
        let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return .exited(status: code, stdout: stdout, stderr: stderr)
    }

    /// Ctrl-C (or a TERM) while a command runs stops the command's whole session too: the
    /// command is in a session of its own, which the terminal's signal does not reach.
    enum Interruption {
        /// The process group of the command running now, 0 when none.
        nonisolated(unsafe) static var running: pid_t = 0
        private nonisolated(unsafe) static var installed = false

        static func install() {
            guard !installed else { return }
            installed = true
            let handler: @convention(c) (Int32) -> Void = { signal in
                if CommandRunner.Interruption.running > 0 { kill(-CommandRunner.Interruption.running, SIGKILL) }
                _exit(128 + signal)
            }
            Glibc.signal(SIGINT, handler)
            Glibc.signal(SIGTERM, handler)
            // A parent may have started boardpack with these signals blocked: take them.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGINT)
            sigaddset(&set, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
    }

    /// The program's path: as given when it names a path, else the first regular executable
    /// file of `PATH`; nil when there is none (the current folder is never searched).
    static func resolve(_ program: String, path: String) -> String? {
        guard !program.contains("/") else { return program }
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(program)"
            var info = stat()
            if stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Reads a file descriptor to its end on a thread of its own, keeping at most `limit` bytes.
    final class Drain: @unchecked Sendable {
        private var bytes: [UInt8] = []
        private let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var over = false

        /// True once more than the limit was written.
        var overflowed: Bool { lock.withLock { over } }

        init(_ fd: Int32, limit: Int) {
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    if n > 0 {
                        let full = lock.withLock { () -> Bool in
                            if bytes.count + n > limit { over = true } else { bytes.append(contentsOf: buffer[0..<n]) }
                            return over
                        }
                        if full { break }
                    } else if n == 0 || errno != EINTR {
                        break
                    }
                }
                close(fd)
                done.signal()
            }
        }

        /// Everything read, once the descriptor has reached its end within `seconds`; nil when
        /// it has not.
        func finish(within seconds: Double) -> [UInt8]? {
            guard done.wait(timeout: .now() + seconds) == .success else { return nil }
            return lock.withLock { bytes }
        }
    }
}

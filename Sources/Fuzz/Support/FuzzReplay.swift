import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The driver of a fuzz target built without libFuzzer (`scripts/fuzz-replay.sh`, `make test`):
/// runs the target's function on every file named on the command line, and on every file in
/// each folder named. Arguments that start with `-` (libFuzzer's flags) are ignored, so the
/// two builds take the same command line. When an input crashes the target, the path of that
/// input is printed before the crash report.
package enum FuzzReplay {
    /// Replays the inputs named by `CommandLine.arguments`; exits 0 when every input ran.
    package static func main(_ name: String, _ body: ([UInt8]) -> Void) -> Never {
        let paths = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: \(name) FILE-OR-FOLDER...\n".utf8))
            exit(2)
        }
        installCrashReport()
        var count = 0
        let start = Date()
        for path in paths {
            for file in inputs(path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("\(name): cannot read \(file)\n".utf8))
                    exit(1)
                }
                setCurrent(file)
                body(Array(data))
                count += 1
            }
        }
        setCurrent(nil)
        let seconds = String(format: "%.2f", Date().timeIntervalSince(start))
        print("\(name): \(count) inputs replayed in \(seconds) s, no crash")
        exit(0)
    }

    /// `path` itself, or the regular files of the folder `path` (not hidden), sorted.
    static func inputs(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }.filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &folder) && !folder.boolValue
        }
    }
}

// The crash report: a signal handler on its own stack (a stack overflow leaves none) writes
// the current input's path, then hands the signal on to the handler it replaced (the Swift
// runtime's backtracer) or to the default action.

/// The line naming the input being run, as C bytes the signal handler can write.
nonisolated(unsafe) private var currentMessage: UnsafeMutablePointer<CChar>?
/// The handlers replaced, by signal number (no dictionary look-up inside a signal handler).
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
private let crashSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

private func setCurrent(_ path: String?) {
    let old = currentMessage
    currentMessage = path.map { strdup("\nfuzz-replay: crashed on input \($0)\n") }
    free(old)
}

private func installCrashReport() {
    let size = 1 << 16
    var stack = stack_t()
    stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    stack.ss_size = size
    stack.ss_flags = 0
    sigaltstack(&stack, nil)
    for signal in crashSignals {
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = crashHandler
        action.sa_flags = SA_SIGINFO | SA_ONSTACK | Int32(bitPattern: UInt32(SA_RESETHAND))
        sigemptyset(&action.sa_mask)
        var previous = sigaction()
        sigaction(signal, &action, &previous)
        previousActions[Int(signal)] = previous
    }
}

private func crashHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if let message = currentMessage { _ = write(2, message, strlen(message)) }
    var previous = previousActions[Int(signal)]
    if previous.sa_flags & SA_SIGINFO != 0, let handler = previous.__sigaction_handler.sa_sigaction {
        handler(signal, info, context)
    } else {
        // Back to the old disposition: the faulting instruction runs again and gets it.
        sigaction(signal, &previous, nil)
    }
}

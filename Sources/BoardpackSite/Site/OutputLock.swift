import BoardpackSupport
import Foundation

/// Builds into the same output take turns: each holds an exclusive `flock` on the folder the
/// output lies in while it stages, swaps and cleans up (SPEC §7 "Two builds into the same
/// output at once").
///
/// The lock is on the parent folder, not on a lock file: the output folder itself is swapped
/// (a lock on it would follow the old site), and a lock file would be one more file in the
/// user's workspace. Builds into sibling folders wait for each other too; a build's write
/// takes well under a second. The kernel releases the lock when a killed build's process ends.
struct OutputLock {
    private let descriptor: Int32

    /// Waits up to `patience` seconds for the lock, then fails naming the output.
    init(folder: String, outputName: String, patience: Double = 120) throws {
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw Diagnostic.error("cannot open \(folder) to write \(outputName): \(String(cString: strerror(errno)))")
        }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(patience * 1e9)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, DispatchTime.now().uptimeNanoseconds < deadline else {
                close(descriptor)
                throw Diagnostic.error(
                    "another build is writing \(outputName)/ (waited \(Int(patience)) s)", hint: "wait for it to finish, then build again")
            }
            usleep(20_000)
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

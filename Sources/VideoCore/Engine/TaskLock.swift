import Foundation

/// An exclusive lock on a task folder, so two processes never work on one task.
///
/// Backed by `flock` on `<folder>/.lock`: the kernel releases it when the process ends, even
/// by `kill -9`, so a crashed run never leaves a stale lock behind.
package final class TaskLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock or throws at once when another process holds it.
    package init(directory: URL) throws {
        let path = directory.appendingPathComponent(".lock").path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw VideoError(.io, "cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw VideoError(.io, "another vgen process is working on \(directory.path); wait for it or stop it")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

import Foundation
import Synchronization

/// libc's one `rand()` state, which espeak-ng (voice jitter) and flite (excitation noise) both
/// draw from: every synthesis seeds it and runs under this lock, so two engines speaking at
/// once in one process never disturb each other's sequence and speech stays reproducible.
enum LibcRandom {
    private static let lock = Mutex(())

    /// Runs `body` with libc's generator seeded to 1 and no other seeded synthesis running.
    static func seeded<T>(_ body: () throws -> T) rethrows -> T {
        try lock.withLock { _ in
            srand(1)
            return try body()
        }
    }
}

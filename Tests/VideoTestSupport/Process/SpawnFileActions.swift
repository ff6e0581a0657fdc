import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the test support's own `posix_spawn` calls share.
package enum SpawnFileActions {
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not declare, looked up once in the C library.
    nonisolated(unsafe) private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// Adds "close every descriptor from `first` up" to `actions`, so the child inherits none of
    /// the test process's sockets and files: libcurl's sockets are not close-on-exec, and a
    /// child that outlives a request (a PostgreSQL server, a browser, a vgen run) would keep
    /// its connection open after the client closed it, so a test server would never see the
    /// hang-up.
    /// - Parameters:
    ///   - actions: Initialised file actions; add this after any `dup2` onto `first` or below.
    ///   - first: The lowest descriptor to close.
    package static func closeInherited(_ actions: inout posix_spawn_file_actions_t, from first: Int32 = 3) {
        _ = closeFrom?(&actions, first)
    }
}

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The cores this process may use, read once: the default of `--jobs`. ArgumentParser
/// evaluates a default each time it builds the options, and `activeProcessorCount` reads the
/// cgroup files on every call.
package enum ProcessorCount {
    /// `ProcessInfo.activeProcessorCount`, from the first use on.
    package static let active = ProcessInfo.processInfo.activeProcessorCount
}

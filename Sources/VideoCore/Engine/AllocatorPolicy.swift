internal import CFFmpeg

/// How the process's C allocator hands large blocks back, set once at start-up by the `vgen`
/// command (Docs/Memory.md).
///
/// A render allocates and frees many large buffers on many threads: 8 MB Cairo surfaces and
/// 3 MB YUV frames at 1080p, x264's picture buffers. glibc's allocator raises its `mmap`
/// threshold each time such a block is freed, so the next ones come from per-thread arenas,
/// whose freed space stays resident: the resident peak of a render was about four times the
/// peak of its live heap. Fixing the threshold at 1 MiB (every larger block is mapped and
/// unmapped on its own) and allowing two arenas keeps the resident peak close to what is
/// really alive, at no measurable cost in time.
public enum AllocatorPolicy {
    /// Blocks of this many bytes or more are mapped on their own and returned on `free`.
    public static let mmapThreshold = 1 << 20
    /// The most malloc arenas the process uses.
    public static let arenaLimit = 2

    /// Applies the policy to this process (glibc only; elsewhere it does nothing). Call it
    /// before other threads start; calling it again changes nothing.
    /// - Returns: Whether the allocator accepted both settings (`false` on other C libraries).
    @discardableResult
    public static func apply() -> Bool {
        CFFmpeg_malloc_policy(Int32(mmapThreshold), Int32(arenaLimit)) == 1
    }

    /// Whether a block `malloc` returned for `size` bytes was mapped on its own: such a
    /// block is rounded up to whole pages, so it can hold about a page more than asked for,
    /// while one from an arena holds at most a few words more (false on other C libraries).
    package static func isMappedAlone(_ block: UnsafeMutableRawPointer, size: Int) -> Bool {
        Int(CFFmpeg_malloc_usable_size(block)) >= size + 2048
    }
}

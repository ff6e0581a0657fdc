import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time consumed so far by the calling thread or the whole process, for profiles
/// (`render-profile.json`, Docs/RenderProfile.md). A read is one `clock_gettime` call.
package enum CPUClock {
    /// CPU time the calling thread has used (user and system).
    package static func thread() -> Duration { read(CLOCK_THREAD_CPUTIME_ID) }

    /// CPU time the whole process has used, every thread together (user and system).
    package static func process() -> Duration { read(CLOCK_PROCESS_CPUTIME_ID) }

    private static func read(_ clock: clockid_t) -> Duration {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return .zero }
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }
}

/// Wall-clock and CPU time spent in some piece of work, added up over its calls.
package struct WorkTime: Sendable, Hashable {
    /// Wall-clock time.
    package var wall: Duration = .zero
    /// CPU time of the thread that did the work.
    package var cpu: Duration = .zero
    /// How many times the work was done.
    package var calls = 0

    /// No time.
    package init() {}

    /// Adds one call of `wall` and `cpu`.
    package mutating func add(wall: Duration, cpu: Duration) {
        self.wall += wall
        self.cpu += cpu
        calls += 1
    }

    /// The time of `other` added to this.
    package static func + (lhs: WorkTime, rhs: WorkTime) -> WorkTime {
        var sum = lhs
        sum.wall += rhs.wall
        sum.cpu += rhs.cpu
        sum.calls += rhs.calls
        return sum
    }

    /// The time of `rhs` taken out of this (calls are kept).
    package static func - (lhs: WorkTime, rhs: WorkTime) -> WorkTime {
        var difference = lhs
        difference.wall -= rhs.wall
        difference.cpu -= rhs.cpu
        return difference
    }

    /// Runs `body` on the calling thread and adds its wall and CPU time as one call.
    package mutating func measure<T>(_ body: () throws -> T) rethrows -> T {
        let (start, cpuStart) = (ContinuousClock.now, CPUClock.thread())
        defer { add(wall: ContinuousClock.now - start, cpu: CPUClock.thread() - cpuStart) }
        return try body()
    }
}

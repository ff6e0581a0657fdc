import Foundation
import Synchronization
import Testing

@testable import VideoAI
import VideoCore

/// FFT plans are made once per size, however many threads ask at once.
@Suite struct PlanCacheTests {
    final class Plan: Sendable {
        let size: Int
        init(size: Int) { self.size = size }
    }

    @Test func eachSizeIsMadeOnceUnderContention() {
        let cache = PlanCache<Plan>()
        let made = Mutex([Int: Int]())
        let got = Mutex([Int: Set<ObjectIdentifier>]())
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let size = 8 << (i % 4)
            let plan = cache.plan(size: size) { size in
                made.withLock { $0[size, default: 0] += 1 }
                return Plan(size: size)
            }
            #expect(plan.size == size)
            got.withLock { _ = $0[size, default: []].insert(ObjectIdentifier(plan)) }
        }
        #expect(made.withLock { $0 } == [8: 1, 16: 1, 32: 1, 64: 1])
        #expect(got.withLock { $0.values.map(\.count) } == [1, 1, 1, 1])
    }

    @Test func sharedTransformsAreTheSameObject() {
        let plans = Mutex([ObjectIdentifier]())
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let fft = RealFFT.shared(size: 1024)
            plans.withLock { $0.append(ObjectIdentifier(fft)) }
        }
        #expect(Set(plans.withLock { $0 }).count == 1)
    }
}

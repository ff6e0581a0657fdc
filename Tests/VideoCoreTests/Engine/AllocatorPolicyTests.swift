import Foundation
import Testing

@testable import VideoCore

/// Tests for `AllocatorPolicy`: once it is applied, freeing a large block does not raise
/// glibc's `mmap` threshold, so the next large block is still mapped on its own (and unmapped
/// when freed) instead of coming from an arena whose freed space stays resident.
@Suite("Allocator policy")
struct AllocatorPolicyTests {
    /// Under AddressSanitizer or ThreadSanitizer (`make test-asan`, `make test-tsan`) malloc is
    /// the sanitizer's, not glibc's, so there is nothing of glibc's to check; the ordinary run
    /// of the suite (`make test`) runs it.
    @Test(
        "blocks over the threshold stay mapped on their own after a larger one was freed",
        .disabled(if: sanitizerOwnsMalloc, "malloc is the sanitizer's, not glibc's"))
    func largeBlocksStayMapped() throws {
        #if canImport(Glibc)
            #expect(AllocatorPolicy.apply())
            // With glibc's default, freeing this mapped 24 MiB block raises the threshold to
            // 24 MiB, and the 16 MiB block below would come from an arena. (So large that no
            // other test running beside this one leaves an arena a free chunk that size.)
            let big = try #require(malloc(24 << 20))
            #expect(AllocatorPolicy.isMappedAlone(big, size: 24 << 20))
            free(big)
            let block = try #require(malloc(16 << 20))
            defer { free(block) }
            #expect(AllocatorPolicy.isMappedAlone(block, size: 16 << 20))
            // A small block still comes from an arena.
            let small = try #require(malloc(64 << 10))
            defer { free(small) }
            #expect(!AllocatorPolicy.isMappedAlone(small, size: 64 << 10))
        #endif
    }

    /// Whether a sanitizer's runtime is in the process (its interface is exported to `dlsym`).
    static var sanitizerOwnsMalloc: Bool {
        dlsym(dlopen(nil, RTLD_NOW), "__sanitizer_print_stack_trace") != nil
    }
}

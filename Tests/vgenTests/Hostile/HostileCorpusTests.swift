import Foundation
import Testing
import VideoCore
import VideoTestSupport

/// Issue 19's hostile corpus: every case ends as it must (accepted, or one line naming the
/// file and the problem), within its processor-time and memory bounds, and writes nothing
/// outside its output folder.
@Suite struct HostileCorpusTests {
    @Test(arguments: HostileCorpus.all)
    func caseEndsAsExpected(_ hostile: HostileCase) async throws {
        try await hostile.check()
    }
}

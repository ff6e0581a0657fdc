import Foundation
import VideoCore
import VideoTestSupport

/// The Markdown (and plain-text) adapter: any bytes become a validated `VideoConfig` or a
/// `VideoError`. The first byte picks the format; the rest is the document.
struct MarkdownFuzzTarget: FuzzTarget {
    static let name = "markdown"

    init(scratch: URL) throws {}

    func seeds() throws -> [Data] {
        let documents = [
            DocumentFixtures.readme, DocumentFixtures.crashTest,
            "# Title\n\nA paragraph with *emphasis*, `code` and a [link](https://example.com).\n",
            "# A\n\n## B\n\n- one\n- two\n  - nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```swift\nlet x = 1\n```\n",
            "Plain text, one paragraph.\n\nAnother one.", "# مرحبا\n\nשלום 👋🏽 e\u{301}\u{302}\u{303}\n",
        ]
        return documents.enumerated().map { index, text in Data([UInt8(index % 2)]) + Data(text.utf8) }
    }

    func run(_ data: Data) throws {
        guard let selector = data.first else { return }
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        let format: DocumentAdapter.Format = selector % 2 == 0 ? .markdown : .plainText
        _ = try DocumentAdapter(text: text, name: "fuzz.md", format: format).makeVideoConfig()
    }
}

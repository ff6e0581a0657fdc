import Foundation
import VideoCore
import VideoTestSupport

/// The YAML adapter: any bytes become videos or a `VideoError` naming the line, never a crash
/// (the 10,000-level nesting that once overflowed the stack included). Media paths resolve in
/// the scratch folder, which holds nothing, so nothing outside it is ever read.
struct YAMLFuzzTarget: FuzzTarget {
    static let name = "yaml"
    let scratch: URL

    init(scratch: URL) throws { self.scratch = scratch }

    func seeds() throws -> [Data] {
        let example = try String(
            contentsOf: DependencyREADMEs.packageRoot.appendingPathComponent("Examples/all-scenes.yaml"),
            encoding: .utf8)
        let specs = [
            example,
            "video:\n  id: tiny\n  title: Tiny\n  resolution: 320x180\n  fps: 10\nscenes:\n  - type: title\n    title: Hello\n    narration: Hello there.\n",
            "videos:\n  - video: {id: a}\n    scenes: [{type: title, title: A, narration: One.}]\n  - video: {id: b}\n    scenes: [{type: bullets, title: B, bullets: [x, y], narration: Two.}]\n",
            "video: {id: l, languages: [en, de]}\nscenes:\n  - type: title\n    title: T\n    narration: {en: Hello., de: Hallo.}\n",
            "anchors: &a {type: title, title: X, narration: Y.}\nvideo: {id: r}\nscenes: [*a, *a]\n",
        ]
        return specs.map { Data($0.utf8) }
    }

    func run(_ data: Data) throws {
        let text = String(decoding: data, as: UTF8.self)
        _ = try YAMLAdapter(text: text, name: "fuzz.yaml", baseDirectory: scratch).makeVideoSet()
    }
}

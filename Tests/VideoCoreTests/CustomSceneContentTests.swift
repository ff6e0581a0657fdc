import Foundation
import Testing
import VideoCore

/// Typed content: payloads, custom content as JSON values, their limits and their coding.
@Suite struct CustomSceneContentTests {
    struct Chart: SceneContentPayload {
        static let sceneType: SceneType = "chart"
        var title: String
        var points: [Int]
    }

    struct Broken: SceneContentPayload {
        static let sceneType: SceneType = "broken"
        var value: Double
    }

    func error(_ fields: [String: JSONValue], type: SceneType = "chart") throws -> VideoError {
        try #require(throws: VideoError.self) {
            try SceneConfig(sceneID: "c", content: .custom(CustomSceneContent(type: type, fields: fields)))
        }
    }

    /// `leaf` inside `levels` lists and mappings, alternating, the fields being the first level.
    func nested(_ levels: Int, leaf: JSONValue = .string("deep")) -> [String: JSONValue] {
        var value = leaf
        for level in (2...max(levels, 2)).reversed() {
            value = level % 2 == 0 ? .array([value]) : .object(["k": value])
        }
        return ["root": levels == 1 ? leaf : value]
    }

    func readYAML(_ text: String) throws -> VideoConfig {
        try YAMLAdapter(
            text: text, name: "spec.yaml", baseDirectory: FileManager.default.temporaryDirectory,
            customSceneTypes: ["chart"]
        )
        .makeVideoConfig()
    }

    @Test func payloadsWrapIntoTheirCaseAndComeBack() throws {
        let title = TitleContent(title: "Hi", subtitle: "there")
        #expect(try SceneContent(title) == .title(title))
        #expect(SceneContent.title(title).payload(as: TitleContent.self) == title)
        #expect(SceneContent.title(title).payload(as: OutroContent.self) == nil)
        let chart = Chart(title: "Sales", points: [3, 1, 4])
        let content = try SceneContent(chart)
        #expect(content.sceneType == "chart")
        #expect(
            content
                == .custom(
                    CustomSceneContent(
                        type: "chart",
                        fields: [
                            "title": .string("Sales"), "points": .array([.number(3), .number(1), .number(4)]),
                        ])))
        #expect(content.payload(as: Chart.self) == chart)
        #expect(content.payload(as: TitleContent.self) == nil)
        // Whole numbers are written as integers, so Int fields decode from them.
        #expect(String(decoding: try JSONEncoder().encode(JSONValue.number(3)), as: UTF8.self) == "3")
        #expect(String(decoding: try JSONEncoder().encode(JSONValue.number(2.5)), as: UTF8.self) == "2.5")
    }

    @Test func anOverLongStringLeafIsRejected() throws {
        let long = String(repeating: "x", count: VideoLimits.maxTextLength + 1)
        let fields: [String: JSONValue] = ["a": .object(["b": .array([.string("ok"), .string(long)])])]
        let e = try error(fields)
        #expect(e.code == .invalidInput)
        #expect(e.field == "scene.content.a.b[1]")
        #expect(
            e.message == "is \(VideoLimits.maxTextLength + 1) characters; the limit is \(VideoLimits.maxTextLength)")
        #expect(
            try error(["a": .object([long: .null])]).description
                == "scene.content.a: has a key of 2001 characters; the limit is 2000")
        _ = try SceneConfig(
            sceneID: "ok",
            content: .custom(CustomSceneContent(type: "chart", fields: ["a": .string(String(long.dropFirst()))])))
    }

    @Test func overDeepNestingIsRejected() throws {
        _ = try SceneConfig(sceneID: "ok", content: .custom(CustomSceneContent(type: "chart", fields: nested(16))))
        let e = try error(nested(17))
        #expect(e.field?.hasPrefix("scene.content.root") == true)
        #expect(e.message == "nests deeper than \(VideoLimits.maxContentDepth) levels")
        #expect(try error(nested(5000)).message.contains("nests deeper"), "no recursion into hostile depth")
    }

    @Test func otherLimitsAndRulesHold() throws {
        let many = JSONValue.array((0...VideoLimits.maxItems).map { .number(Double($0)) })
        #expect(try error(["list": .object(["inner": many])]).field == "scene.content.list.inner")
        #expect(try error(["n": .number(.infinity)]).message.contains("not a finite number"))
        #expect(try error(["text": .string("x")], type: .title).message.contains("built-in"))
        let wide = JSONValue.array(Array(repeating: .array(Array(repeating: .null, count: 50)), count: 50))
        let big: [String: JSONValue] = ["a": wide, "b": wide, "c": wide, "d": wide, "e": wide]
        #expect(try error(big).message == "holds more than \(VideoLimits.maxContentValues) values")
    }

    @Test func yamlReadsAnyMappingAndWritesItBack() throws {
        let yaml = """
            title: Charts
            scenes:
              - scene_type: chart
                scene_id: c
                title: Sales
                points: [3, 1, 4]
                series:
                  - {name: "2024", visible: yes, weight: 0.5, note: ~}
                  - name: '2025'
                    visible: false
                    tags: []
                    extra: {}
                caption: |
                  Two lines
                  of text
                version: "3"
            """
        let config = try readYAML(yaml)
        guard case .custom(let chart) = config.scenes[0].content else {
            Issue.record("not custom")
            return
        }
        #expect(chart.fields["points"] == .array([.number(3), .number(1), .number(4)]))
        #expect(chart.fields["version"] == .string("3"), "quoted scalars are text")
        #expect(chart.fields["caption"] == .string("Two lines\nof text\n"))
        #expect(
            chart.fields["series"]
                == .array([
                    .object(["name": .string("2024"), "visible": .bool(true), "weight": .number(0.5), "note": .null]),
                    .object([
                        "name": .string("2025"), "visible": .bool(false), "tags": .array([]), "extra": .object([:]),
                    ]),
                ]))
        #expect(config.scenes[0].content.payload(as: Chart.self) == Chart(title: "Sales", points: [3, 1, 4]))
        #expect(try readYAML(try config.yamlString()) == config)
        // JSON keeps it too.
        #expect(try JSONDecoder().decode(VideoConfig.self, from: try JSONEncoder().encode(config)) == config)
    }

    @Test func yamlRefusesHostileNestingAndAliasBombs() throws {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let message =
            "\(try #require(throws: VideoError.self) { try readYAML("title: T\nscenes:\n  - scene_type: chart\n    x: \(deep)\n") })"
        #expect(message.contains("nests deeper than \(VideoLimits.maxContentDepth) levels"), "\(message)")
        // Five levels of ten aliases each would be 100,000 values.
        var lines = ["title: T", "scenes:", "  - scene_type: chart", "    l0: &l0 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]"]
        for level in 1...5 {
            lines.append(
                "    l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
                    + "]")
        }
        let bomb = try #require(throws: VideoError.self) { try readYAML(lines.joined(separator: "\n")) }
        #expect(bomb.description.contains("more than \(VideoLimits.maxContentValues) values"), "\(bomb)")
    }

    @Test func aFieldNamedLikeASceneKeyCannotBeWrittenAsYAML() throws {
        let config = try ProgrammaticVideoBuilder(title: "T")
            .add(.custom(CustomSceneContent(type: "chart", fields: ["narration": .string("x")])))
            .build()
        let e = try #require(throws: VideoError.self) { try config.yamlString() }
        #expect(e.message.contains("'narration'"))
    }

    @Test func aPayloadThatCannotBeEncodedSurfacesFromBuild() throws {
        let builder = ProgrammaticVideoBuilder(title: "T").addTitle("Hi").add(Broken(value: .nan), id: "b")
        let e = try #require(throws: VideoError.self) { try builder.build() }
        #expect(e.field == "scenes[1].content")
        #expect(e.message.contains("cannot be encoded"))
    }

    @Test func builtInScenesKeepTheirJSON() throws {
        let scene = try SceneConfig(sceneID: "a", content: .title(TitleContent(title: "T")))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(
            String(decoding: try encoder.encode(scene), as: UTF8.self)
                == #"{"content":{"title":{"_0":{"title":"T"}}},"scene_id":"a","scene_type":"title"}"#)
    }
}

import Foundation
import Testing
import VideoAI
import VideoCore

/// The JSON-schema subset and the JSON value type under it.
@Suite struct LanguageModelSchemaTests {
    private func problems(_ value: JSONValue, _ schema: JSONValue) -> [String] {
        JSONSchemaValidator(schema: schema).problems(in: value)
    }

    @Test func typesIncludingIntegerAndUnions() {
        #expect(problems("x", ["type": "string"]).isEmpty)
        #expect(problems(3, ["type": "integer"]).isEmpty)
        #expect(problems(3.5, ["type": "integer"]) == ["$: expected integer, got number"])
        #expect(problems(3.5, ["type": "number"]).isEmpty)
        #expect(problems(true, ["type": "number"]) == ["$: expected number, got boolean"])
        #expect(problems(.null, ["type": ["string", "null"]]).isEmpty)
        #expect(problems(1, ["type": ["string", "null"]]) == ["$: expected string or null, got integer"])
        #expect(problems(["a": 1], ["type": "object"]).isEmpty)
        #expect(problems([1], ["type": "object"]) == ["$: expected object, got array"])
    }

    @Test func anyOfMatchesOneBranchAndReportsTheClosest() {
        func tagged(_ name: String, _ inner: JSONValue) -> JSONValue {
            [
                "type": "object", "properties": .object([name: inner]), "required": [.string(name)],
                "additionalProperties": false,
            ]
        }
        let schema: JSONValue = [
            "anyOf": [
                tagged("quote", ["type": "object", "properties": ["text": ["type": "string"]], "required": ["text"]]),
                tagged(
                    "metric", ["type": "object", "properties": ["value": ["type": "integer"]], "required": ["value"]]),
            ]
        ]
        #expect(problems(["quote": ["text": "Hi"]], schema).isEmpty)
        #expect(problems(["metric": ["value": 3]], schema).isEmpty)
        #expect(problems(["metric": ["value": "three"]], schema) == ["$.metric.value: expected integer, got string"])
        #expect(problems(["metric": [:]], schema) == ["$.metric: missing required property \"value\""])
    }

    @Test func objectsRequiredAndAdditionalProperties() {
        let schema: JSONValue = [
            "type": "object", "properties": ["a": ["type": "string"], "b": ["type": "integer"]],
            "required": ["a", "b"], "additionalProperties": false,
        ]
        #expect(problems(["a": "x", "b": 1], schema).isEmpty)
        #expect(problems(["a": "x"], schema) == [#"$: missing required property "b""#])
        #expect(problems(["a": "x", "b": 1, "c": 2], schema) == [#"$: unexpected property "c""#])
        #expect(
            problems(["a": 5, "b": "y"], schema) == [
                "$.a: expected string, got integer", "$.b: expected integer, got string",
            ])
        let open: JSONValue = ["type": "object", "properties": ["a": ["type": "string"]]]
        #expect(problems(["a": "x", "c": 2], open).isEmpty)
        let typed: JSONValue = ["type": "object", "additionalProperties": ["type": "integer"]]
        #expect(problems(["n": 1, "m": "two"], typed) == ["$.m: expected integer, got string"])
    }

    @Test func arraysItemsAndCounts() {
        let schema: JSONValue = [
            "type": "array", "items": ["type": "string", "maxLength": 3], "minItems": 1, "maxItems": 2,
        ]
        #expect(problems(["ab", "cd"], schema).isEmpty)
        #expect(problems([], schema) == ["$: 0 items, fewer than the minimum 1"])
        #expect(problems(["a", "b", "c"], schema) == ["$: 3 items, more than the maximum 2"])
        #expect(problems(["abcd"], schema) == ["$[0]: 4 characters, more than the maximum 3"])
    }

    @Test func enumsAndLengthsInUnicodeScalars() {
        #expect(problems("calm", ["enum": ["calm", "bright"]]).isEmpty)
        #expect(problems("grim", ["enum": ["calm", "bright"]]) == [#"$: "grim" is not one of "calm", "bright""#])
        #expect(problems(2, ["enum": [1, 2, 3]]).isEmpty)
        #expect(problems("héé", ["type": "string", "maxLength": 3]).isEmpty)
        #expect(problems("ab", ["type": "string", "minLength": 3]) == ["$: 2 characters, fewer than the minimum 3"])
    }

    @Test func nestedPathsAndAtMostFiveProblems() {
        let schema: JSONValue = [
            "type": "object",
            "properties": ["scenes": ["type": "array", "items": ["type": "object", "required": ["title"]]]],
        ]
        let value: JSONValue = ["scenes": [["title": "ok"], [:], [:], [:], [:], [:], [:]]]
        let found = problems(value, schema)
        #expect(found.count == JSONSchemaValidator.maxProblems)
        #expect(found.first == #"$.scenes[1]: missing required property "title""#)
    }

    @Test func jsonValuesRoundTripWithSortedKeys() throws {
        let value: JSONValue = ["b": [1, 2.5, "x", true, .null], "a": ["nested": false]]
        #expect(value.jsonString == #"{"a":{"nested":false},"b":[1,2.5,"x",true,null]}"#)
        #expect(try JSONValue.parse(value.jsonData()) == value)
        #expect(try JSONValue.parse(Data("[1, true, 0]".utf8)) == [1, true, 0])
        let error = try #require(throws: VideoError.self) { try JSONValue.parse(Data(#"{"a": "#.utf8)) }
        #expect(error.message.hasPrefix("not valid JSON"))
    }
}

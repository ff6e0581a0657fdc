import Foundation
import Testing
import VideoTestSupport
import Yams

@testable import VideoCore

/// The nesting scanner against Yams itself: for thousands of generated documents that Yams
/// reads, the scanner must never count fewer levels than Yams' tree has (that would let a deep
/// spec through to its recursion), and for well-formed ones exactly as many.
@Suite struct YAMLNestingScannerTests {
    /// How deep Yams' tree is (aliases are copies of their node), walked without recursion.
    static func depth(of root: Node) -> Int {
        var stack = [(root, 0)]
        var deepest = 0
        while let (node, depth) = stack.popLast() {
            switch node {
            case .scalar: deepest = max(deepest, depth)
            case .sequence(let items):
                deepest = max(deepest, depth + 1)
                stack += items.map { ($0, depth + 1) }
            case .mapping(let pairs):
                deepest = max(deepest, depth + 1)
                for (key, value) in pairs { stack += [(key, depth + 1), (value, depth + 1)] }
            }
        }
        return deepest
    }

    /// The scanner's count for `text`, and Yams' when it reads the text.
    static func counts(_ text: String) throws -> (scanned: Int, yams: Int?) {
        var scanner = YAMLNestingScanner(text, limit: .max)
        try scanner.run()
        return (scanner.deepest, (try? Yams.compose(yaml: text)).flatMap { $0 }.map(depth))
    }

    @Test func neverCountsFewerLevelsThanYamsInTokenSoup() throws {
        // Fragments chosen for the rules that are easy to get wrong: quotes that start nothing,
        // comments, block scalars, indentless and compact sequences, keys of every kind, anchors
        // and aliases, tags, document markers, tabs and every kind of line break.
        let pieces = [
            "[", "]", "{", "}", ", ", ",", ": ", ":", "- ", "-", "? ", "?", "\n", " ", "  ", "   ", "a", "b c", "'q'",
            "'it''s'", "\"d\\\"\"", "\"", "'", " #c", "#", "&a ", "&b ", "*a", "*b", "| \n", "> \n", "|2\n", "it's",
            "\t", "k: ", "\n  ", "\n    ", "\n- ", "\n  - ", "x:y", "!t ", "!!str ", "---\n", "...\n", "\r\n",
            "\u{2028}",
            "é", "&a\n", "*a\n", "*a: ", "&a [", "[*a]: ", "\n?", "\n:", "\"k\": ", "|-\n  ", "\n  #x\n", "x\n y",
            " - ", "\u{85}",
        ]
        var random = SplitMix(seed: 11)
        var read = 0
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 1...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let (scanned, yams) = try Self.counts(text)
            guard let yams else { continue }
            read += 1
            #expect(scanned >= yams, "\(text.debugDescription)")
        }
        #expect(read > 200, "too few documents read to mean anything: \(read)")
    }

    @Test func countsExactlyAsDeepAsYamsInGeneratedSpecs() throws {
        var generator = YAMLGenerator(random: SplitMix(seed: 7))
        var read = 0
        for _ in 0..<1_500 {
            let text = generator.document()
            let (scanned, yams) = try Self.counts(text)
            guard let yams else { continue }
            read += 1
            #expect(scanned == yams, "\(text.debugDescription)")
        }
        #expect(read > 700, "too few documents read to mean anything: \(read)")
    }
}

/// Random YAML in every style: block and flow collections mixed, indentless and nested
/// sequences, pairs in flow sequences, multi-line quoted and plain scalars with brackets in
/// them, block scalars, anchors, aliases and tags.
struct YAMLGenerator {
    var random: SplitMix
    private var anchors: [String] = []
    private var counter = 0

    init(random: SplitMix) { self.random = random }

    mutating func document() -> String {
        anchors = []
        return "root:" + node(depth: Int.random(in: 1...9, using: &random), indent: 0, flow: false) + "\n"
    }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    private mutating func pick(_ options: [String]) -> String { options.randomElement(using: &random)! }

    private mutating func scalar(flow: Bool) -> String {
        if !anchors.isEmpty && chance(0.1) { return "*" + pick(anchors) }
        if chance(0.3) {
            return pick([
                "'q'", "'it''s [x'", "\"d \\\" [ {\"", "\"multi\n  line [\"", "'multi\n  [line'", "\"\"", "''",
            ])
        }
        if flow { return pick(["a", "it's", "a#b", "p-q", "é", "-x", "a:b"]) }
        return pick(["a", "it's ok", "x [y] {z}", "a#b", "http://x", "p-q", "é ü", "-x", "?y", ":z", "a:b", "1", "~"])
    }

    /// A node whose parent's content starts at `indent`.
    private mutating func node(depth: Int, indent: Int, flow: Bool) -> String {
        if depth <= 0 || chance(0.25) { return scalar(flow: flow) }
        var prefix = ""
        var anchor: String?
        if chance(0.15) {
            counter += 1
            anchor = "n\(counter)"
            prefix = "&n\(counter) "
        }
        if chance(0.05) { prefix += "!t " }
        defer { if let anchor { anchors.append(anchor) } }
        if flow || chance(0.35) { return prefix + flowCollection(depth: depth, indent: indent) }
        let inner = indent + Int.random(in: 1...3, using: &random)
        let pad = String(repeating: " ", count: inner)
        var text = prefix + "\n"
        if chance(0.5) {
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                text += pad + "- " + node(depth: depth - 1, indent: inner + 2, flow: false) + "\n"
            }
            return text.replacingOccurrences(of: "\n\n", with: "\n")
        }
        let literal = chance(0.1)
        for i in 0..<Int.random(in: 1...3, using: &random) {
            if literal && i == 0 {
                text += pad + "bs: |\n" + pad + "  [[[ {{ 'x\n" + pad + "   - - ]\n"
                continue
            }
            let value = node(depth: depth - 1, indent: inner, flow: false)
            let separator = value.hasPrefix("\n") || (value.hasPrefix("&") && value.contains("\n")) ? "" : " "
            text += pad + "k\(i):" + separator + value + (value.hasSuffix("\n") ? "" : "\n")
        }
        return text
    }

    private mutating func flowCollection(depth: Int, indent: Int) -> String {
        let count = Int.random(in: 0...3, using: &random)
        guard chance(0.5) else {
            let items = (0..<count).map { "k\($0): " + node(depth: depth - 1, indent: indent, flow: true) }
            return "{" + items.joined(separator: ", ") + "}"
        }
        var items: [String] = []
        for _ in 0..<count {
            if chance(0.2) {
                let key = node(depth: depth - 2, indent: indent, flow: true)
                items.append(key + ": " + node(depth: depth - 2, indent: indent, flow: true))
            } else {
                items.append(node(depth: depth - 1, indent: indent, flow: true))
            }
        }
        let separator = chance(0.2) ? ",\n" + String(repeating: " ", count: indent + 1) : ", "
        let comment = chance(0.2) ? " # c\n" + String(repeating: " ", count: indent + 1) : ""
        return "[" + items.joined(separator: separator) + comment + "]"
    }
}

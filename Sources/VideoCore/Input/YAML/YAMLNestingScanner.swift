/// Measures how deeply a YAML text nests its collections, without parsing it into nodes and
/// without recursion (see `YAMLNestingGuard` for why, and for the rule that it may count more
/// levels than libyaml but never fewer).
///
/// It walks the text token by token the way libyaml's scanner does (0-based columns, the same
/// line breaks, the same rules for where plain, quoted and block scalars end) and keeps what a
/// parser would keep on its stacks: the block collections by column, the open flow collections,
/// the single-pair mappings `[a: b]` makes inside flow sequences, and the anchored nodes whose
/// height an alias repeats. The depth at any point is the number of collections around it.
struct YAMLNestingScanner {
    /// The nesting went deeper than the limit at this line and column (both from 1).
    struct TooDeep: Error {
        let line: Int
        let column: Int
        /// The alias that repeated a deep node there, if one did.
        let alias: String?
    }

    /// A point reached in the text and how deep it was there.
    struct Reach {
        var depth: Int
        var line: Int
        var column: Int
    }

    /// An open block collection: its column, and whether a pending anchor was bound to it.
    struct Block {
        var column: Int
        var isSequence: Bool
        /// A sequence written at its mapping key's column (`key:` then `- item` below it).
        var isIndentless: Bool
        var hasAnchor: Bool
    }

    /// An open flow collection.
    struct Flow {
        var isSequence: Bool
        /// Whether the current entry of a sequence became a single-pair mapping (`[a: b]`).
        var inPair: Bool
        var hasAnchor: Bool
        /// The anchor written on an earlier line and bound here (it may belong to a mapping
        /// this collection turns out to be the first key of).
        var anchorFromEarlierLine: String?
        /// The column of the collection or of the anchor or tag before it: a key's column.
        var keyColumn: Int
        /// The deepest point inside.
        var deepest: Reach
    }

    /// An anchored node still open: its name, the depth around it and the deepest point inside.
    struct AnchorRecord {
        var name: String
        var base: Int
        var deepest: Int
    }

    /// An anchor waiting for its node.
    struct PendingAnchor {
        var name: String
        /// Whether no line break came since: a node on the same line takes the anchor; after a
        /// break, a block collection opened by the next token does.
        var onSameLine: Bool
    }

    let bytes: [UInt8]
    let limit: Int
    var index = 0
    /// The line, from 1, and the column, from 0, counted in characters as libyaml does.
    var line = 1
    var column = 0

    var blocks: [Block] = []
    var flows: [Flow] = []
    /// Single-pair mappings open in flow sequences.
    var pairs = 0
    var records: [AnchorRecord] = []
    /// How many levels each closed anchored node holds.
    var heights: [String: Int] = [:]
    var pending: PendingAnchor?
    /// The column of the first anchor or tag on this line before the coming node.
    var propertyColumn: Int?
    /// The flow collection or alias just read inside a flow collection, which a `:` may make
    /// the key of a single-pair mapping.
    var lastNode: Reach?
    /// The deepest nesting met so far.
    private(set) var deepest = 0

    /// Prepares a scan of `text`, refusing nesting deeper than `limit`.
    init(_ text: String, limit: Int) {
        bytes = Array(text.utf8)
        self.limit = limit
    }

    /// Collections around the current point.
    var depth: Int { blocks.count + flows.count + pairs }
    /// libyaml's indentation: the column of the innermost block collection, -1 at the top.
    var indent: Int { blocks.last?.column ?? -1 }
    var atEnd: Bool { index >= bytes.count }

    /// Scans the whole text.
    /// - Throws: `TooDeep` where the nesting first exceeds the limit.
    mutating func run() throws {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // libyaml's reader drops a leading BOM
        while true {
            skipToNextToken()
            guard !atEnd else { break }
            let start = column
            let previous = lastNode
            lastNode = nil
            if flows.isEmpty { unroll(to: start) }
            let byte = bytes[index]
            if start == 0 && byte == UInt8(ascii: "%") {
                skipRestOfLine()  // a directive
                continue
            }
            if start == 0 && isDocumentMarker {
                while !blocks.isEmpty { popBlock() }
                resolvePending()
                for _ in 0..<3 { advance() }
                continue
            }
            try token(byte, column: start, previous: previous)
        }
        while !blocks.isEmpty { popBlock() }
    }

    // MARK: - Characters

    /// The byte `offset` places ahead, `nil` past the end.
    func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// The length in bytes of the line break at `offset` (`\n`, `\r`, `\r\n`, NEL, LS or PS); 0
    /// when there is none.
    func breakLength(_ offset: Int = 0) -> Int {
        guard let b = peek(offset) else { return 0 }
        switch b {
        case 0x0A: return 1
        case 0x0D: return peek(offset + 1) == 0x0A ? 2 : 1
        case 0xC2: return peek(offset + 1) == 0x85 ? 2 : 0
        case 0xE2: return peek(offset + 1) == 0x80 && [0xA8, 0xA9].contains(peek(offset + 2)) ? 3 : 0
        default: return 0
        }
    }

    func isBlank(_ offset: Int = 0) -> Bool { peek(offset) == 0x20 || peek(offset) == 0x09 }

    /// A blank, a line break or the end.
    func isBlankOrEnd(_ offset: Int = 0) -> Bool {
        index + offset >= bytes.count || isBlank(offset) || breakLength(offset) > 0
    }

    /// `---` or `...` followed by a blank, a break or the end (checked at column 0).
    var isDocumentMarker: Bool {
        guard let b = peek(), b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { return false }
        return peek(1) == b && peek(2) == b && isBlankOrEnd(3)
    }

    /// Moves past one character (a whole UTF-8 sequence, or a whole line break).
    mutating func advance() {
        let breakBytes = breakLength()
        if breakBytes > 0 {
            index += breakBytes
            line += 1
            column = 0
            // A line break ends a simple key: anchors and tags before it no longer mark a key.
            pending?.onSameLine = false
            propertyColumn = nil
            return
        }
        let lead = bytes[index]
        index += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        column += 1
    }

    /// Skips blanks, comments and line breaks, as libyaml does between tokens.
    mutating func skipToNextToken() {
        while !atEnd {
            if column == 0 && bytes[index...].starts(with: [0xEF, 0xBB, 0xBF]) {
                index += 3
                column += 1
            }
            while isBlank() { advance() }
            if peek() == UInt8(ascii: "#") { skipRestOfLine() }
            guard breakLength() > 0 else { return }
            advance()
        }
    }

    /// Moves to the line break ending this line (or the end).
    mutating func skipRestOfLine() {
        while !atEnd && breakLength() == 0 { advance() }
    }

    // MARK: - Levels

    /// Records that the scan is `depth` deep at `line`/`column` (from 0).
    /// - Throws: `TooDeep` beyond the limit.
    mutating func reach(_ depth: Int, line: Int, column: Int, alias: String? = nil) throws {
        guard depth <= limit else { throw TooDeep(line: line, column: column + 1, alias: alias) }
        deepest = max(deepest, depth)
        if !records.isEmpty { records[records.count - 1].deepest = max(records[records.count - 1].deepest, depth) }
        if !flows.isEmpty, depth > flows[flows.count - 1].deepest.depth {
            flows[flows.count - 1].deepest = Reach(depth: depth, line: line, column: column)
        }
    }

    /// Opens a block collection at `column`, giving it the pending anchor.
    mutating func pushBlock(column: Int, isSequence: Bool, isIndentless: Bool = false) throws {
        let anchored = openRecordForPending()
        blocks.append(Block(column: column, isSequence: isSequence, isIndentless: isIndentless, hasAnchor: anchored))
        try reach(depth, line: line, column: column)
    }

    /// Closes the block collections a token at `column` ends, as libyaml's `unroll_indent` and
    /// its parser's end of an indentless sequence do.
    mutating func unroll(to column: Int) {
        while let top = blocks.last, top.column > column { popBlock() }
        if let top = blocks.last, top.isIndentless, top.column == column,
            !(peek() == UInt8(ascii: "-") && isBlankOrEnd(1))
        {
            popBlock()
        }
    }

    mutating func popBlock() {
        if blocks.removeLast().hasAnchor { closeRecord() }
    }

    // MARK: - Anchors

    /// Starts measuring the node the pending anchor names; whether there was one.
    mutating func openRecordForPending() -> Bool {
        guard let anchor = pending else { return false }
        pending = nil
        records.append(AnchorRecord(name: anchor.name, base: depth, deepest: depth))
        return true
    }

    /// Ends the innermost anchored node, keeping its height for aliases.
    mutating func closeRecord() {
        let record = records.removeLast()
        heights[record.name] = record.deepest - record.base
        if !records.isEmpty {
            records[records.count - 1].deepest = max(records[records.count - 1].deepest, record.deepest)
        }
    }

    /// The pending anchor marks a scalar or an empty node: nothing nests under it.
    mutating func resolvePending() {
        if let anchor = pending { heights[anchor.name] = 0 }
        pending = nil
    }

    /// How many levels an alias to `name` repeats.
    func height(of name: String) -> Int {
        if let height = heights[name] { return height }
        // An alias inside its own anchor's node (libyaml refuses it): count what is known so far.
        return records.last { $0.name == name }.map { $0.deepest - $0.base } ?? 0
    }
}

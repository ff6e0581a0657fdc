/// The tokens of `YAMLNestingScanner`, each read as libyaml's `fetch_next_token` reads it.
extension YAMLNestingScanner {
    /// Reads the token starting with `byte` at `column`; `previous` is the node read just
    /// before it in a flow collection, if any.
    mutating func token(_ byte: UInt8, column start: Int, previous: Reach?) throws {
        let inFlow = !flows.isEmpty
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"): try openFlow(isSequence: byte == UInt8(ascii: "["), column: start)
        case UInt8(ascii: "]"), UInt8(ascii: "}"): try closeFlow()
        case UInt8(ascii: ","):
            advance()
            if inFlow, flows[flows.count - 1].inPair {
                flows[flows.count - 1].inPair = false
                pairs -= 1
            }
            resolvePending()
        case UInt8(ascii: "-") where isBlankOrEnd(1): try blockEntry(column: start)
        case UInt8(ascii: "?") where inFlow || isBlankOrEnd(1): try keyOrValue(column: start, previous: nil)
        case UInt8(ascii: ":") where inFlow || isBlankOrEnd(1):
            // After an anchor or tag on its line, `:` makes them an empty key starting there.
            let keyColumn = propertyColumn ?? start
            propertyColumn = nil
            if pending?.onSameLine == true { resolvePending() }
            try keyOrValue(column: keyColumn, previous: previous)
        case UInt8(ascii: "*"): try alias(column: start)
        case UInt8(ascii: "&"):
            propertyColumn = propertyColumn ?? start
            advance()
            let name = readName()
            resolvePending()
            pending = PendingAnchor(name: name, onSameLine: true)
        case UInt8(ascii: "!"):
            propertyColumn = propertyColumn ?? start
            skipTag()
        case UInt8(ascii: "|") where !inFlow, UInt8(ascii: ">") where !inFlow: try blockScalar()
        case UInt8(ascii: "'"), UInt8(ascii: "\""): try quoted(single: byte == UInt8(ascii: "'"), column: start)
        case UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "%"), UInt8(ascii: "|"), UInt8(ascii: ">"):
            advance()  // no token starts so; libyaml stops with an error here
        default: try plain(column: start)
        }
    }

    // MARK: - Collections

    mutating func openFlow(isSequence: Bool, column start: Int) throws {
        let keyColumn = propertyColumn ?? start
        propertyColumn = nil
        let fromEarlierLine = pending.flatMap { $0.onSameLine ? nil : $0.name }
        let anchored = openRecordForPending()
        advance()
        flows.append(
            Flow(
                isSequence: isSequence, inPair: false, hasAnchor: anchored, anchorFromEarlierLine: fromEarlierLine,
                keyColumn: keyColumn, deepest: Reach(depth: depth + 1, line: line, column: start)))
        try reach(depth, line: line, column: start)
    }

    mutating func closeFlow() throws {
        advance()
        guard let frame = flows.popLast() else { return }  // a stray bracket: libyaml stops here
        if frame.inPair { pairs -= 1 }
        if frame.hasAnchor { closeRecord() }
        resolvePending()
        if !flows.isEmpty {
            if frame.deepest.depth > flows[flows.count - 1].deepest.depth {
                flows[flows.count - 1].deepest = frame.deepest
            }
            lastNode = frame.deepest
        } else {
            try keyCheck(keyColumn: frame.keyColumn, inner: frame.deepest, anchorOfKey: frame.anchorFromEarlierLine)
        }
    }

    /// `- ` in the block context: a new sequence when it stands right of the collection it is in,
    /// or at the column of a mapping's keys (an indentless sequence); else the next item.
    mutating func blockEntry(column start: Int) throws {
        advance()
        guard flows.isEmpty else { return }  // libyaml's parser refuses it in a flow collection
        if start > indent {
            try pushBlock(column: start, isSequence: true)
        } else if let top = blocks.last, top.column == start, !top.isSequence {
            try pushBlock(column: start, isSequence: true, isIndentless: true)
        } else {
            resolvePending()
        }
    }

    /// `? ` (an explicit key) or a `:` that does not follow a key on its line: in the block
    /// context, a new mapping when it stands right of the collection it is in; in a flow
    /// sequence, the start of a single-pair mapping, whose key (`previous`) sinks a level.
    mutating func keyOrValue(column start: Int, previous: Reach?) throws {
        advance()
        if flows.isEmpty {
            if start > indent { try pushBlock(column: start, isSequence: false) } else { resolvePending() }
            return
        }
        guard flows[flows.count - 1].isSequence, !flows[flows.count - 1].inPair else { return }
        flows[flows.count - 1].inPair = true
        pairs += 1
        try reach(depth, line: line, column: start)
        if let previous { try reach(previous.depth + 1, line: previous.line, column: previous.column) }
    }

    /// After a node in the block context: a `:` on the same line makes it a key, of a new
    /// mapping at `keyColumn` when that stands right of the collection it is in.
    /// - Parameters:
    ///   - keyColumn: Where the key starts (its first anchor or tag, if any).
    ///   - inner: The deepest point inside the key (a flow collection or an alias), which the
    ///     new mapping makes one level deeper.
    ///   - anchorOfKey: An anchor from an earlier line bound to the key, which belongs to the
    ///     new mapping instead (one level more).
    mutating func keyCheck(keyColumn: Int, inner: Reach?, anchorOfKey: String?) throws {
        while isBlank() { advance() }
        guard peek() == UInt8(ascii: ":"), isBlankOrEnd(1) else {
            resolvePending()
            return
        }
        advance()
        if keyColumn > indent {
            try pushBlock(column: keyColumn, isSequence: false)
            if let inner { try reach(inner.depth + 1, line: inner.line, column: inner.column) }
            if let anchorOfKey { heights[anchorOfKey, default: 0] += 1 }
        }
        resolvePending()
    }

    // MARK: - Scalars and aliases

    mutating func alias(column start: Int) throws {
        let keyColumn = propertyColumn ?? start
        propertyColumn = nil
        advance()
        let name = readName()
        if flows.isEmpty == false || pending?.onSameLine == true { resolvePending() }
        let height = height(of: name)
        let reached = Reach(depth: depth + height, line: line, column: start)
        try reach(reached.depth, line: line, column: start, alias: name)
        if flows.isEmpty {
            try keyCheck(keyColumn: keyColumn, inner: height > 0 ? reached : nil, anchorOfKey: nil)
        } else {
            lastNode = height > 0 ? reached : nil
        }
    }

    /// A tag ends at a blank, or at a `,` in a flow collection unless inside `!<…>` (libyaml
    /// refuses anything else after it).
    mutating func skipTag() {
        let verbatim = peek(1) == UInt8(ascii: "<")
        var closed = !verbatim
        while !isBlankOrEnd() {
            if !closed {
                closed = peek() == UInt8(ascii: ">")
            } else if !flows.isEmpty && peek() == UInt8(ascii: ",") {
                return
            }
            advance()
        }
    }

    /// An anchor's or alias's name: letters, digits, `_` and `-`.
    mutating func readName() -> String {
        let start = index
        while let b = peek(), b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || (b < 0x80 && isAlphanumeric(b)) {
            advance()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private func isAlphanumeric(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

    /// Before a scalar: an anchor on its line (or any, in a flow collection) is the scalar's.
    private mutating func scalarTakesAnchor() {
        if !flows.isEmpty || pending?.onSameLine == true { resolvePending() }
    }

    mutating func quoted(single: Bool, column start: Int) throws {
        let keyColumn = propertyColumn ?? start
        propertyColumn = nil
        scalarTakesAnchor()
        let quote = bytes[index]
        advance()
        while let b = peek() {
            if single && b == quote && peek(1) == quote {
                advance()
                advance()
            } else if b == quote {
                advance()
                break
            } else if !single && b == UInt8(ascii: "\\") {
                advance()
                if !atEnd { advance() }
            } else {
                advance()
            }
        }
        if flows.isEmpty { try keyCheck(keyColumn: keyColumn, inner: nil, anchorOfKey: nil) }
    }

    /// A plain scalar, ended where libyaml's `scan_plain_scalar` ends it: at `: `, at ` #`, at
    /// a flow indicator in a flow collection, at a document marker, or — in the block context —
    /// at a line indented no further than the collection it is in.
    mutating func plain(column start: Int) throws {
        let keyColumn = propertyColumn ?? start
        propertyColumn = nil
        scalarTakesAnchor()
        let inFlow = !flows.isEmpty
        let minimumColumn = indent + 1
        let flowIndicators: [UInt8] = [0x2C, 0x5B, 0x5D, 0x7B, 0x7D]  // , [ ] { }
        let first = index
        var brokeLine = false
        scalar: while !atEnd {
            if column == 0 && isDocumentMarker && index > first { break }
            if peek() == UInt8(ascii: "#") && index > first { break }
            while !isBlankOrEnd() {
                let b = bytes[index]
                if b == UInt8(ascii: ":") && index > first {
                    // `x:` then `,?[]{}` in a flow collection: libyaml stops with an error.
                    let next = peek(1) ?? 0
                    if isBlankOrEnd(1) || (inFlow && (flowIndicators.contains(next) || next == 0x3F)) { break scalar }
                }
                if inFlow && flowIndicators.contains(b) && index > first { break scalar }
                advance()
                brokeLine = false
            }
            guard !atEnd else { break }
            while isBlank() || breakLength() > 0 {
                if breakLength() > 0 { brokeLine = true }
                advance()
            }
            if !inFlow && column < minimumColumn { break }
        }
        if inFlow { return }
        if brokeLine { resolvePending() } else { try keyCheck(keyColumn: keyColumn, inner: nil, anchorOfKey: nil) }
    }

    /// `|` or `>` and the lines indented under it, measured as libyaml's `scan_block_scalar`
    /// measures them.
    mutating func blockScalar() throws {
        resolvePending()
        propertyColumn = nil
        advance()
        var increment = 0
        for _ in 0..<2 {
            guard let b = peek() else { break }
            if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
                advance()
            } else if (0x31...0x39).contains(b) {
                increment = Int(b - 0x30)
                advance()
            }
        }
        while isBlank() { advance() }
        if peek() == UInt8(ascii: "#") { skipRestOfLine() }
        guard breakLength() > 0 else { return }  // libyaml stops unless the header ends its line
        advance()
        var blockIndent = increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0
        guard skipBlockBreaks(&blockIndent) else { return }
        while column == blockIndent && !atEnd {
            skipRestOfLine()
            if !atEnd { advance() }
            guard skipBlockBreaks(&blockIndent) else { return }
        }
    }

    /// Skips the indentation and empty lines of a block scalar, settling its indentation
    /// when the header did not give it; `false` where libyaml stops (a tab in the indentation).
    private mutating func skipBlockBreaks(_ blockIndent: inout Int) -> Bool {
        var maxIndent = 0
        while true {
            while (blockIndent == 0 || column < blockIndent) && peek() == 0x20 { advance() }
            maxIndent = max(maxIndent, column)
            if (blockIndent == 0 || column < blockIndent) && peek() == 0x09 { return false }
            guard breakLength() > 0 else { break }
            advance()
        }
        if blockIndent == 0 { blockIndent = max(maxIndent, indent + 1, 1) }
        return true
    }
}

import CPangoCairo

/// Scripts written without spaces between words — Han, Hiragana, Katakana (Chinese,
/// Japanese), Thai, Lao, Khmer and Myanmar — and how their text is cut into the units that
/// word timing and captions work with.
///
/// A run of such text is cut where Pango's line breaking allows a break
/// (`pango_get_log_attrs`, `is_line_break`): the Unicode line breaking algorithm (UAX #14) for
/// Han and kana, so each character is a unit and closing punctuation (`。`, `、`, `」`) stays
/// with the character before it; and libthai's dictionary for Thai, so each unit is a whole
/// Thai word. `Docs/Captions.md` describes how captions use the units.
public enum UnspacedScript {
    /// Whether `scalar` belongs to a script written without spaces, or is East Asian
    /// punctuation or a full-width form that sits inside such text.
    /// - Parameter scalar: A Unicode scalar.
    /// - Returns: `true` for Han, kana, Thai, Lao, Khmer, Myanmar, CJK punctuation and full-width forms.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F,  // Myanmar
            0x1780...0x17FF,  // Khmer
            0x2E80...0x2FDF,  // CJK radicals
            0x3000...0x303F,  // CJK symbols and punctuation
            0x3040...0x30FF,  // Hiragana, Katakana
            0x31F0...0x31FF,  // Katakana extensions
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFE30...0xFE4F,  // CJK compatibility forms
            0xFF00...0xFFEF,  // half-width and full-width forms
            0x20000...0x3FFFF:  // CJK extensions B and later
            return true
        default:
            return false
        }
    }

    /// Whether `scalar` is drawn full width (two columns) in East Asian text: Han, kana,
    /// Hangul, CJK punctuation and full-width forms (an approximation of Unicode's East Asian
    /// Width property, UAX #11, classes W and F).
    /// - Parameter scalar: A Unicode scalar.
    /// - Returns: `true` for a full-width character.
    public static func isFullWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF01...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Cuts a run of text without whitespace into units: at every place Pango's line breaking
    /// allows a break, when the run holds a character of a script written without spaces;
    /// otherwise the run is one unit.
    /// - Parameter run: Text without whitespace (one written "word" between spaces).
    /// - Returns: The units in order; joined they give `run`.
    public static func units(of run: String) -> [String] {
        let scalars = Array(run.unicodeScalars)
        guard scalars.contains(where: contains) else { return [run] }
        let breaks = lineBreaks(run, count: scalars.count)
        var units: [String] = []
        var start = 0
        for index in 1..<max(scalars.count, 1) where breaks[index] {
            units.append(String(String.UnicodeScalarView(scalars[start..<index])))
            start = index
        }
        if start < scalars.count { units.append(String(String.UnicodeScalarView(scalars[start...]))) }
        return units
    }

    /// Pango's line-break opportunities before each scalar of `text` (`count` scalars).
    private static func lineBreaks(_ text: String, count: Int) -> [Bool] {
        var attributes = [PangoLogAttr](repeating: PangoLogAttr(), count: count + 1)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                attributes.withUnsafeMutableBufferPointer { attrs in
                    pango_get_log_attrs(
                        chars.baseAddress, Int32(bytes.count), -1, nil, attrs.baseAddress, Int32(count + 1))
                }
            }
        }
        return attributes.map { $0.is_line_break != 0 }
    }
}

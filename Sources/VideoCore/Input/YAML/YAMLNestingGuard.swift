/// Refuses YAML nested deeper than `maxDepth` before Yams reads it.
///
/// Yams composes (and later frees) its node tree recursively, a few stack frames per level, so
/// a spec of 20 kB of `[` — 10,000 levels — overflows the stack and kills the process, and so
/// do 75,000 chained aliases (`a2: &a2 [*a1]`), which nest without any nesting in the text.
/// The check has to come first and must not recurse itself.
///
/// Why a scan of our own rather than libyaml's events: libyaml's parser is iterative and would
/// count levels exactly, but Yams keeps it to itself (`Parser.parse()` is internal and its
/// `CYaml` target is not a product we may depend on). Counting brackets or indentation alone
/// would be fooled: by `[` inside quotes, comments and block scalars, by `it's` (a quote that
/// starts nothing), by plain scalars running over several lines, by sequences indented no
/// further than their key, by `[a: [b]]` (each pair is a mapping) and by aliases.
/// `YAMLNestingScanner` therefore follows libyaml's own scanner rules (`scanner.c`: where
/// tokens start, how plain, quoted and block scalars end, how indentation opens and closes block
/// collections, how a `:` makes a key of what came before it) in one linear pass with explicit
/// stacks, and measures each anchored node so an alias counts as deep as what it repeats.
///
/// Where the scan cannot be sure it counts more levels, never fewer: it can only over-count in
/// YAML that libyaml rejects anyway (a key spanning lines, say), so a valid spec is never
/// refused below the limit and no spec reaches Yams deeper than it.
enum YAMLNestingGuard {
    /// The deepest nesting of lists and mappings accepted (a video spec needs about six).
    static let maxDepth = 64

    /// Checks `text` before it is parsed.
    /// - Parameters:
    ///   - text: The YAML.
    ///   - fileName: The file's name for the message.
    ///   - maxDepth: The deepest nesting accepted.
    /// - Throws: `VideoError` (`.invalidInput`) located at the line and column where the
    ///   nesting first goes deeper than `maxDepth`.
    static func check(_ text: String, fileName: String, maxDepth: Int = maxDepth) throws {
        var scanner = YAMLNestingScanner(text, limit: maxDepth)
        do {
            try scanner.run()
        } catch let deep as YAMLNestingScanner.TooDeep {
            let through = deep.alias.map { " (through the alias *\($0))" } ?? ""
            throw VideoError(
                .invalidInput,
                "lists and mappings are nested more than \(maxDepth) levels deep here\(through); "
                    + "the limit is \(maxDepth)",
                location: VideoError.Location(file: fileName, line: deep.line, column: deep.column))
        }
    }
}

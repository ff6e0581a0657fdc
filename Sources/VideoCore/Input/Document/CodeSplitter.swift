import Foundation

/// Splits code blocks into panels that fit on screen and guesses the language of unlabelled ones.
enum CodeSplitter {
    /// Most lines in one command scene.
    static let maxLines = 16
    /// Longest line kept; longer lines are cut with an ellipsis.
    static let maxLineLength = 300

    /// The block's lines in chunks of at most `maxLines`, split at blank lines when one falls in
    /// the second half of a chunk. Trailing and leading blank lines are dropped.
    static func chunks(_ code: String) -> [String] {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = String(line)
            return text.count > maxLineLength ? String(text.prefix(maxLineLength - 1)) + "…" : text
        }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        var chunks: [String] = []
        var start = 0
        while start < lines.count {
            var end = min(start + maxLines, lines.count)
            if end < lines.count {
                let window = lines[(start + maxLines / 2)..<end]
                if let blank = window.lastIndex(where: { $0.allSatisfy(\.isWhitespace) }) { end = blank }
            }
            var chunk = Array(lines[start..<end])
            while let last = chunk.last, last.allSatisfy(\.isWhitespace) { chunk.removeLast() }
            if !chunk.isEmpty { chunks.append(chunk.joined(separator: "\n")) }
            start = end
            while start < lines.count, lines[start].allSatisfy(\.isWhitespace) { start += 1 }
        }
        return chunks
    }

    /// The language of a code block: the info string's first word (lower-cased, without pandoc's
    /// `{.` `}`), or `shell` when an unlabelled block looks like shell commands, else `nil`.
    static func language(info: String, code: String) -> String? {
        let word = info.split(whereSeparator: { $0.isWhitespace || $0 == "," }).first.map(String.init) ?? ""
        let cleaned = word.trimmingCharacters(in: .init(charactersIn: "{}.")).lowercased()
        if !cleaned.isEmpty { return cleaned }
        return looksLikeShell(code) ? "shell" : nil
    }

    private static let commands: Set<String> = [
        "apt", "apt-get", "brew", "bun", "bundle", "cargo", "cat", "cd", "chmod", "cmake", "composer", "conda",
        "cp", "curl", "deno", "docker", "docker-compose", "dotnet", "echo", "export", "gem", "git", "go",
        "gradle", "helm", "java", "kubectl", "ls", "make", "mkdir", "mv", "mvn", "node", "npm", "npx", "php",
        "pip", "pip3", "pipx", "pnpm", "poetry", "python", "python3", "rm", "ruby", "rustup", "sh", "bash",
        "source", "sudo", "swift", "tar", "terraform", "touch", "uv", "wget", "yarn", "xcodebuild", "gh",
        "ssh", "scp", "systemctl", "snap", "dnf", "yum", "pacman", "zypper", "choco", "winget", "vgen",
    ]

    /// Whether most non-empty, non-comment lines start with a prompt (`$`, `%`, `>`) or a
    /// well-known command, or run a local program (`./x`).
    static func looksLikeShell(_ code: String) -> Bool {
        let lines = code.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !lines.isEmpty else { return false }
        let shellLike = lines.filter { line in
            if line.hasPrefix("$ ") || line.hasPrefix("% ") || line.hasPrefix("./") { return true }
            let first = line.split(separator: " ").first.map(String.init) ?? ""
            return commands.contains(first) || (first.contains("=") && line.contains(" ") && !line.contains("{"))
        }
        return shellLike.count * 2 > lines.count && !code.contains("{\n") && !code.contains(";\n")
    }
}

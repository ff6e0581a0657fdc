import Foundation
import VideoCore

/// A family of languages the syntax highlighter tells apart.
package enum CodeLanguage: String, Hashable, Sendable, CaseIterable {
    /// Shell commands and scripts (`sh`, `bash`, `zsh`, `console`, …).
    case shell
    /// Swift.
    case swift
    /// Python.
    case python
    /// JavaScript and TypeScript.
    case javaScript = "javascript"
    /// JSON.
    case json
    /// YAML.
    case yaml
    /// Anything else: shown without colouring.
    case plain

    /// The family of a code block's language tag (`bash`, `py`, `ts`, `yml`, …), case-insensitively;
    /// `plain` when the tag is unknown or missing.
    package init(tag: String?) {
        let tag = (tag ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        switch tag {
        case "shell", "sh", "bash", "zsh", "fish", "ksh", "console", "terminal", "shell-session", "shellsession":
            self = .shell
        case "swift": self = .swift
        case "python", "py", "python3", "py3": self = .python
        case "javascript", "js", "jsx", "mjs", "cjs", "node", "typescript", "ts", "tsx": self = .javaScript
        case "json", "jsonc", "json5": self = .json
        case "yaml", "yml": self = .yaml
        default: self = .plain
        }
    }
}

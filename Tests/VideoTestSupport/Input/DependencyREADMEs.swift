import Foundation
import VideoCore

/// Real READMEs that nobody here wrote, for the document tests: those of packages vgen builds
/// on, read where SwiftPM checked them out (`.build/checkouts/NAME/README.md`, the versions
/// `swift build` resolved). They are read in place and never copied into the repository, so
/// the tests check rules ("no line cut with …", "a badge row is left out with a warning"),
/// not the exact scenes of one version.
package enum DependencyREADMEs {
    /// SwiftNIO's README (372 lines in 2.101): a badge, subsections five levels deep, long
    /// sentences, prose-only sections, tables and code; the README the issue about documents
    /// was filed over.
    package static let swiftNIO = "swift-nio"
    /// Swift Argument Parser's: code that the prose before it introduces, a list of links.
    package static let argumentParser = "swift-argument-parser"
    /// Yams': a row of five badges, one-line installation subsections, a one-line License.
    package static let yams = "Yams"
    /// Hummingbird's: an HTML badge row, Contributing, Sponsors and Backers sections.
    package static let hummingbird = "hummingbird"
    /// Swift Collections': a "Table of Contents" section and a badge row.
    package static let collections = "swift-collections"
    /// SwiftLog's: a badge row and short sections.
    package static let log = "swift-log"

    /// Every README above.
    package static let all = [swiftNIO, argumentParser, yams, hummingbird, collections, log]

    /// The package's root folder: the one holding `Tests/` (this file is in `Tests/VideoTestSupport/Input/`).
    package static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Where the README of the checked-out package `name` is.
    /// - Parameter name: The checkout's folder name, for example `swift-nio`.
    /// - Returns: `.build/checkouts/NAME/README.md` under the package root.
    package static func url(_ name: String) -> URL {
        packageRoot.appendingPathComponent(".build/checkouts/\(name)/README.md")
    }

    /// The README of the checked-out package `name`.
    /// - Parameter name: The checkout's folder name.
    /// - Returns: Its text.
    /// - Throws: `VideoError(.io)` naming the path when the package has not been checked out.
    package static func text(_ name: String) throws -> String {
        let url = url(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw VideoError(
                .io,
                "\(url.path) not found: the document tests read the READMEs of the resolved dependencies; "
                    + "run `swift build` in the package first")
        }
        return text
    }

    /// The README of `name` as the document adapter reads it (named `README.md`, read from memory).
    /// - Parameter name: The checkout's folder name.
    /// - Returns: The scenes and the warnings.
    /// - Throws: `VideoError` when the README is missing or cannot be read.
    package static func read(_ name: String) throws -> DocumentReadResult {
        try DocumentAdapter(text: try text(name), name: "README.md").read()
    }
}

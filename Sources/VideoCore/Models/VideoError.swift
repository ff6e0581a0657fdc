import Foundation

/// An error raised anywhere in vgen, with a code that can grow, a one-line message and, for
/// bad input, the field that was wrong and where in which file it is written.
///
/// The message is written for the person running the tool: it names the field and the
/// limit, or the file and what is wrong with it. `description` puts it together on one line
/// the way compilers do: `spec.yaml:12:5: scenes[2] (intro): unknown key 'titel'`.
public struct VideoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable { case invalidInput, io, media, speech, render, encoding, cancelled }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The input (document, spec, option or setting) is not acceptable.
        public static let invalidInput = Code(.invalidInput)
        /// A file could not be read or written.
        public static let io = Code(.io)
        /// A media file could not be decoded or is not what was expected.
        public static let media = Code(.media)
        /// Speech synthesis failed.
        public static let speech = Code(.speech)
        /// Drawing a frame failed.
        public static let render = Code(.render)
        /// Encoding or muxing the output failed.
        public static let encoding = Code(.encoding)
        /// The work was cancelled.
        public static let cancelled = Code(.cancelled)

        /// The code's name, for example `invalidInput`.
        public var description: String { value.rawValue }
    }

    /// Where in an input file a problem is: the file, and the line and column when known.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        /// The file's path as the user gave it (or the name given to text read from memory).
        public var file: String
        /// The line, from 1; `nil` when the problem concerns the whole file.
        public var line: Int?
        /// The column, from 1; `nil` when only the line is known.
        public var column: Int?

        /// Creates a location.
        /// - Parameters:
        ///   - file: The file's path or name, as shown to the user.
        ///   - line: The line, from 1, when known.
        ///   - column: The column, from 1, when known (ignored without a line).
        public init(file: String, line: Int? = nil, column: Int? = nil) {
            self.file = file
            self.line = line
            self.column = line == nil ? nil : column
        }

        /// `file:line:column`, `file:line` or `file`, as compilers write it.
        public var description: String {
            var text = file
            if let line { text += ":\(line)" }
            if let column { text += ":\(column)" }
            return text
        }
    }

    /// The kind of failure.
    public let code: Code
    /// A one-line, human-readable explanation.
    public let message: String
    /// The input field at fault (for example `scenes[3].narration`), when there is one.
    public let field: String?
    /// The file, line and column at fault, when the problem is in an input file.
    public let location: Location?
    /// A one-line description of the underlying error (a system or library error) this one
    /// was raised for, when there is one.
    public let cause: String?
    /// Whether trying again may succeed (a network voice timing out, say); the pipeline
    /// retries such failures with exponential backoff.
    public let isRetryable: Bool

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: A one-line explanation for the person running the tool.
    ///   - field: The input field at fault, if any.
    ///   - location: The file, line and column at fault, if any.
    ///   - cause: A description of the underlying error, if any (line breaks become spaces).
    ///   - isRetryable: Whether trying again may succeed.
    public init(
        _ code: Code, _ message: String, field: String? = nil, location: Location? = nil, cause: String? = nil,
        isRetryable: Bool = false
    ) {
        self.code = code
        self.message = message
        self.field = field
        self.location = location
        self.cause = cause.map(Self.oneLine)
        self.isRetryable = isRetryable
    }

    /// Creates an error raised for an underlying one, whose description becomes the `cause`.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: A one-line explanation for the person running the tool.
    ///   - field: The input field at fault, if any.
    ///   - location: The file, line and column at fault, if any.
    ///   - underlying: The error that caused this one.
    public init(
        _ code: Code, _ message: String, field: String? = nil, location: Location? = nil,
        underlying: any Error
    ) {
        self.init(code, message, field: field, location: location, cause: Self.describe(underlying))
    }

    /// One line: `file:line:column: field: message (cause)`, each part only when known.
    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        if let field { parts.append(field) }
        parts.append(message)
        var text = parts.joined(separator: ": ")
        if let cause { text += " (\(cause))" }
        return Self.oneLine(text)
    }

    static func invalid(_ field: String, _ message: String) -> VideoError {
        VideoError(.invalidInput, message, field: field)
    }

    /// A short description of `error` for `cause`: what a person can act on, without the
    /// dumps of Foundation's error types.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as VideoError:
            return error.description
        case let error as DecodingError:
            let context: DecodingError.Context
            switch error {
            case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
                context = c
            @unknown default:
                return "\(error)"
            }
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            var text = path.isEmpty ? "" : path.joined(separator: ".") + ": "
            text += context.debugDescription
            if let underlying = context.underlyingError { text += " " + describe(underlying) }
            return text
        case let error as CocoaError:
            return debugDescription(of: error) ?? error.localizedDescription
        default:
            if type(of: error as Any) is NSError.Type {
                return debugDescription(of: error) ?? error.localizedDescription
            }
            return "\(error)"
        }
    }

    private static func debugDescription(of error: any Error) -> String? {
        (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
    }

    private static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

/// An error raised anywhere in vgen, with a code that can grow, a one-line message and,
/// for bad input, the field that was wrong.
///
/// The message is written for the person running the tool: it names the field and the
/// limit, or the file and what is wrong with it.
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

    /// The kind of failure.
    public let code: Code
    /// A one-line, human-readable explanation.
    public let message: String
    /// The input field at fault (for example `scenes[3].narration`), when there is one.
    public let field: String?
    /// Whether trying again may succeed (a network voice timing out, say); the pipeline
    /// retries such failures with exponential backoff.
    public let isRetryable: Bool

    /// Creates an error.
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - message: A one-line explanation for the person running the tool.
    ///   - field: The input field at fault, if any.
    ///   - isRetryable: Whether trying again may succeed.
    public init(_ code: Code, _ message: String, field: String? = nil, isRetryable: Bool = false) {
        self.code = code
        self.message = message
        self.field = field
        self.isRetryable = isRetryable
    }

    /// The message, prefixed by the field when there is one.
    public var description: String {
        if let field { return "\(field): \(message)" }
        return message
    }

    static func invalid(_ field: String, _ message: String) -> VideoError {
        VideoError(.invalidInput, message, field: field)
    }
}

/// What a scene shows: typed visual content, one case per scene type.
///
/// Custom scene types registered by an app carry their fields in `.custom`.
public enum SceneContent: Hashable, Codable, Sendable {
    /// A title card.
    case title(TitleContent)
    /// A heading with bullet items.
    case list(ListContent)
    /// Commands or code in a terminal panel.
    case command(CommandContent)
    /// A quotation.
    case quote(QuoteContent)
    /// The closing card.
    case outro(OutroContent)
    /// Fields of a custom scene type, by name.
    case custom(type: SceneType, fields: [String: String])

    /// The scene type this content is drawn as.
    public var sceneType: SceneType {
        switch self {
        case .title: return .title
        case .list: return .list
        case .command: return .command
        case .quote: return .quote
        case .outro: return .outro
        case .custom(let type, _): return type
        }
    }

    /// Every piece of on-screen text with a field path, for validation.
    var textFields: [(field: String, text: String, limit: Int)] {
        let t = Limits.maxTextLength
        switch self {
        case .title(let c): return [("title", c.title, t), ("subtitle", c.subtitle ?? "", t)]
        case .list(let c):
            return [("heading", c.heading, t)] + c.items.enumerated().map { ("items[\($0.offset)]", $0.element, t) }
        case .command(let c):
            return [("heading", c.heading, t), ("code", c.code, Limits.maxCodeLength), ("caption", c.caption ?? "", t)]
        case .quote(let c): return [("text", c.text, t), ("attribution", c.attribution ?? "", t)]
        case .outro(let c): return [("title", c.title, t), ("subtitle", c.subtitle ?? "", t)]
        case .custom(_, let fields): return fields.sorted { $0.key < $1.key }.map { ("fields.\($0.key)", $0.value, t) }
        }
    }
}

/// A title card.
public struct TitleContent: Hashable, Codable, Sendable {
    /// The title, drawn large.
    public var title: String
    /// A subtitle under the title.
    public var subtitle: String?
    /// Creates a title card.
    public init(title: String, subtitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
    }
}

/// A heading with bullet items.
public struct ListContent: Hashable, Codable, Sendable {
    /// The heading above the items.
    public var heading: String
    /// The items, in order.
    public var items: [String]
    /// Creates a list.
    public init(heading: String, items: [String]) {
        self.heading = heading
        self.items = items
    }
}

/// Commands or code shown in a terminal-like panel.
public struct CommandContent: Hashable, Codable, Sendable {
    /// The heading above the panel.
    public var heading: String
    /// The code or commands, lines separated by newlines.
    public var code: String
    /// The language of the code (`shell`, `swift`, …), when known.
    public var language: String?
    /// A line of explanation under the panel.
    public var caption: String?
    /// Creates a command scene's content.
    public init(heading: String, code: String, language: String? = nil, caption: String? = nil) {
        self.heading = heading
        self.code = code
        self.language = language
        self.caption = caption
    }
}

/// A quotation.
public struct QuoteContent: Hashable, Codable, Sendable {
    /// The quoted text.
    public var text: String
    /// Who said it, or where it is from.
    public var attribution: String?
    /// Creates a quote.
    public init(text: String, attribution: String? = nil) {
        self.text = text
        self.attribution = attribution
    }
}

/// The closing card.
public struct OutroContent: Hashable, Codable, Sendable {
    /// The main line, for example "Thanks for watching".
    public var title: String
    /// A line under it, for example where to learn more.
    public var subtitle: String?
    /// Creates an outro.
    public init(title: String, subtitle: String? = nil) {
        self.title = title
        self.subtitle = subtitle
    }
}

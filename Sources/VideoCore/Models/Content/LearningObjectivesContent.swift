/// What the viewer will be able to do after the video or section.
///
/// YAML keys: `heading` (default `What you will learn`), `objectives`.
public struct LearningObjectivesContent: Hashable, Codable, Sendable {
    /// The heading above the objectives.
    public var heading: String
    /// The objectives, in order, each ideally starting with a verb ("Write a unit test").
    public var objectives: [String]

    /// The heading used when none is given.
    public static let defaultHeading = "What you will learn"

    /// Creates a list of learning objectives.
    public init(heading: String = LearningObjectivesContent.defaultHeading, objectives: [String]) {
        self.heading = heading
        self.objectives = objectives
    }

    enum CodingKeys: String, CodingKey { case heading, objectives }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heading = try c.decodeIfPresent(String.self, forKey: .heading) ?? Self.defaultHeading
        objectives = try c.decodeStringList(forKey: .objectives)
    }
}

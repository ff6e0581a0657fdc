/// A progress check: what has been covered so far and what comes next.
///
/// YAML keys: `heading` (default `Checkpoint`), `completed` (list), `next` (list; a single
/// string is read as a one-item list).
public struct CheckpointContent: Hashable, Codable, Sendable {
    /// The heading, for example "Checkpoint" or "Where we are".
    public var heading: String
    /// What has been covered, in order.
    public var completed: [String]
    /// What comes next, in order; may be empty at the end of a course.
    public var next: [String]

    /// The heading used when none is given.
    public static let defaultHeading = "Checkpoint"

    /// Creates a checkpoint.
    public init(heading: String = CheckpointContent.defaultHeading, completed: [String], next: [String] = []) {
        self.heading = heading
        self.completed = completed
        self.next = next
    }

    enum CodingKeys: String, CodingKey { case heading, completed, next }

    /// Decodes a value, validating it as the memberwise initializer does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heading = try c.decodeIfPresent(String.self, forKey: .heading) ?? Self.defaultHeading
        completed = try c.decodeStringList(forKey: .completed)
        next = try c.decodeStringList(forKey: .next)
    }
}

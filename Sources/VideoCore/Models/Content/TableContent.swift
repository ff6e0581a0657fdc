/// A table: a heading, a header row and body rows, drawn with zebra rows and fitted to the
/// frame. A long table is continued on follow-up scenes rather than cut.
///
/// YAML keys: `heading`, `header` (the column names), `rows` (a list of rows, each a list of
/// cells; a short row is padded with empty cells).
public struct TableContent: Hashable, Codable, Sendable {
    /// The heading above the table.
    public var heading: String
    /// The column names.
    public var header: [String]
    /// The body rows, each a list of cells.
    public var rows: [[String]]

    /// The most columns a table scene shows.
    public static let maxColumns = 8

    /// Creates a table.
    /// - Parameters:
    ///   - heading: The heading above the table.
    ///   - header: The column names.
    ///   - rows: The body rows.
    public init(heading: String, header: [String], rows: [[String]]) {
        self.heading = heading
        self.header = header
        self.rows = rows
    }

    enum CodingKeys: String, CodingKey { case heading, header, rows }

    /// Decodes a value; `rows` may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        heading = try c.decode(String.self, forKey: .heading)
        header = try c.decodeStringList(forKey: .header)
        rows = try c.decodeIfPresent([[String]].self, forKey: .rows) ?? []
    }

    /// How many columns the table has: the widest of the header and the rows.
    public var columnCount: Int { max(header.count, rows.map(\.count).max() ?? 0) }
}

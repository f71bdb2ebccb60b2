/// Where something was written: a file (relative to the workspace's parent when possible), line and column, 1-based
/// (0 when a reader does not know, as libxml2 sometimes does not). The one location type: the workspace loader, the
/// XML and spreadsheet readers and the importers all report with it.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: Self, b: Self) -> Bool { (a.file, a.line, a.column) < (b.file, b.line, b.column) }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }
}

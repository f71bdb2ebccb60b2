/// Where something was found in an input file.
///
/// Lines and columns count from 1; `0` means libxml2 did not know.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file path or source name given to the reader.
    public var file: String
    /// The 1-based line, or 0 when unknown.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, the form compilers use, so terminals and editors can jump to it.
    public var description: String { "\(file):\(line):\(column)" }
}

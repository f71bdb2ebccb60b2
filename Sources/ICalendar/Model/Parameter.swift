/// One property parameter, such as `TZID=Europe/Paris` or `CN="Amina Uwase"`.
///
/// `value` is the plain value; the writer quotes it with DQUOTE when it contains `:`, `;`, `,` or
/// non-ASCII characters, and replaces characters a parameter value cannot carry (see ``ICalendarWriter``).
public struct Parameter: Sendable, Hashable {
    /// The parameter name, upper case (`TZID`, `CN`, `VALUE`).
    public var name: String
    /// The unquoted value.
    public var value: String

    /// Creates a parameter; the name is upper-cased.
    public init(_ name: String, _ value: String) {
        self.name = name.uppercased()
        self.value = value
    }
}

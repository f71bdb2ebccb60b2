/// One iCalendar property: a name, ordered parameters and a value already in iCalendar form.
///
/// `value` is written as is (after folding), so build properties with the typed factories
/// (``text(_:_:parameters:)``, ``dateTime(_:_:in:)``, ``duration(_:_:)``...), which escape and format for you;
/// ``init(name:parameters:rawValue:)`` is the named opt-out for values you have formatted yourself.
public struct Property: Sendable, Hashable {
    /// The property name, upper case (`SUMMARY`, `DTSTART`).
    public var name: String
    /// Parameters in the order they are written.
    public var parameters: [Parameter]
    /// The value in iCalendar form (TEXT already escaped, dates already formatted).
    public var value: String

    /// Creates a property from a value that is already in iCalendar form; nothing is escaped.
    public init(name: String, parameters: [Parameter] = [], rawValue: String) {
        self.name = name.uppercased()
        self.parameters = parameters
        self.value = rawValue
    }

    /// The first value of the parameter `name` (case-insensitive), if present.
    public func parameter(_ name: String) -> String? {
        let wanted = name.uppercased()
        return parameters.first { $0.name == wanted }?.value
    }

    /// The value read as TEXT: `\\`, `\;`, `\,` and `\n` turned back into the characters they stand for.
    public var textValue: String {
        TextEscaping.unescape(value)
    }
}

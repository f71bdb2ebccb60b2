/// One iCalendar component (`VCALENDAR`, `VEVENT`, `VALARM`, `VTIMEZONE`, `STANDARD`, `DAYLIGHT`...).
///
/// A value type: properties and subcomponents are written in the order they appear here, so the same
/// component always serialises to the same octets.
public struct Component: Sendable, Hashable {
    /// The component name, upper case (`VEVENT`).
    public var name: String
    /// Properties in the order they are written.
    public var properties: [Property]
    /// Nested components in the order they are written, after the properties.
    public var components: [Component]

    /// Creates a component; the name is upper-cased.
    public init(_ name: String, properties: [Property] = [], components: [Component] = []) {
        self.name = name.uppercased()
        self.properties = properties
        self.components = components
    }

    /// Every property called `name` (case-insensitive), in order.
    public func properties(named name: String) -> [Property] {
        let wanted = name.uppercased()
        return properties.filter { $0.name == wanted }
    }

    /// The first property called `name` (case-insensitive), if any.
    public func property(_ name: String) -> Property? {
        let wanted = name.uppercased()
        return properties.first { $0.name == wanted }
    }

    /// The direct subcomponents called `name` (case-insensitive), in order.
    public func components(named name: String) -> [Component] {
        let wanted = name.uppercased()
        return components.filter { $0.name == wanted }
    }
}

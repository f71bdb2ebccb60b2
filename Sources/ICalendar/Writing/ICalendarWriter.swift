import Foundation

/// Serialises components to RFC 5545 text: CRLF line ends, 75-octet folding on UTF-8 boundaries,
/// properties and subcomponents in the order they were built.
///
/// Values are written as stored in each ``Property``; the typed property factories do the escaping.
/// To write a large calendar without holding it in memory, use ``CalendarStreamWriter``.
public enum ICalendarWriter: Sendable {
    /// The whole component, nested components included, as iCalendar text.
    public static func string(_ component: Component) -> String {
        var text = ""
        write(component, to: &text)
        return text
    }

    /// The whole component as UTF-8 octets (no byte-order mark).
    public static func data(_ component: Component) -> Data {
        var output = UTF8DataOutput()
        write(component, to: &output)
        return output.data
    }

    /// Appends the component (`BEGIN` ... `END`) to `output`.
    public static func write(_ component: Component, to output: inout some TextOutputStream) {
        writeOpening(component, to: &output)
        writeClosing(component, to: &output)
    }

    /// Appends one folded, CRLF-terminated content line for `property`.
    public static func write(_ property: Property, to output: inout some TextOutputStream) {
        ContentLine.write(property, to: &output)
    }

    /// `BEGIN`, the properties and the nested components, without `END`.
    static func writeOpening(_ component: Component, to output: inout some TextOutputStream) {
        ContentLine.writeFolded("BEGIN:" + component.name, to: &output)
        for property in component.properties {
            ContentLine.write(property, to: &output)
        }
        for child in component.components {
            write(child, to: &output)
        }
    }

    static func writeClosing(_ component: Component, to output: inout some TextOutputStream) {
        ContentLine.writeFolded("END:" + component.name, to: &output)
    }
}

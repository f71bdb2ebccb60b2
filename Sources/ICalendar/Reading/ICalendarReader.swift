import Foundation

/// Reads iCalendar text back into a ``Component`` tree: unfolds lines, parses parameters (quoted or not)
/// and keeps each value as written (use ``Property/textValue`` to unescape TEXT).
///
/// Meant for round-trip tests and simple imports; it accepts CRLF or bare LF line ends.
public enum ICalendarReader: Sendable {
    /// The single top-level component (normally VCALENDAR) in `text`.
    public static func parse(_ text: String) throws(ICalendarReadError) -> Component {
        try parse(Data(text.utf8))
    }

    /// The single top-level component (normally VCALENDAR) in UTF-8 `data`.
    public static func parse(_ data: Data) throws(ICalendarReadError) -> Component {
        var roots: [Component] = []
        var stack: [(component: Component, line: Int)] = []
        for (line, octets) in unfold(Array(data)) {
            guard let text = String(validating: octets, as: UTF8.self) else { throw .notUTF8(line: line) }
            let property = try parseLine(text, line: line)
            switch property.name {
            case "BEGIN":
                stack.append((Component(property.value), line))
            case "END":
                let name = property.value.uppercased()
                guard let open = stack.popLast() else {
                    throw .mismatchedEnd(line: line, expected: nil, found: name)
                }
                guard open.component.name == name else {
                    throw .mismatchedEnd(line: line, expected: open.component.name, found: name)
                }
                if stack.isEmpty {
                    roots.append(open.component)
                } else {
                    stack[stack.count - 1].component.components.append(open.component)
                }
            default:
                guard !stack.isEmpty else {
                    throw .malformedLine(line: line, expected: "a property inside BEGIN/END")
                }
                stack[stack.count - 1].component.properties.append(property)
            }
        }
        if let open = stack.last { throw .unclosed(line: open.line, component: open.component.name) }
        guard roots.count == 1 else { throw .topLevelComponents(count: roots.count) }
        return roots[0]
    }

    /// Logical lines with the physical line number each starts on; a line break followed by a space or
    /// tab is removed with that one whitespace octet. Works on octets so no fold can merge characters.
    static func unfold(_ octets: [UInt8]) -> [(line: Int, octets: [UInt8])] {
        var lines: [(Int, [UInt8])] = []
        var current: [UInt8] = []
        var currentStart = 1
        var physical = 1
        var index = 0
        while index < octets.count {
            let byte = octets[index]
            guard byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") else {
                current.append(byte)
                index += 1
                continue
            }
            index +=
                (byte == UInt8(ascii: "\r") && index + 1 < octets.count
                    && octets[index + 1] == UInt8(ascii: "\n")) ? 2 : 1
            physical += 1
            if index < octets.count, octets[index] == UInt8(ascii: " ") || octets[index] == UInt8(ascii: "\t") {
                index += 1  // continuation: drop the break and the one whitespace
                continue
            }
            if !current.isEmpty { lines.append((currentStart, current)) }
            current = []
            currentStart = physical
        }
        if !current.isEmpty { lines.append((currentStart, current)) }
        return lines
    }

    /// `NAME;P1=v;P2="q;v":value` into a ``Property``; a parameter with several values keeps them joined by `,`.
    static func parseLine(_ text: String, line: Int) throws(ICalendarReadError) -> Property {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isNameScalar(_ s: Unicode.Scalar) -> Bool {
            s.isASCII && (CharacterSet.alphanumerics.contains(s) || s == "-")
        }
        func readName() -> String {
            let start = index
            while index < scalars.count, isNameScalar(scalars[index]) { index += 1 }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }
        let name = readName()
        guard !name.isEmpty else { throw .malformedLine(line: line, expected: "a property name") }
        var parameters: [Parameter] = []
        while index < scalars.count, scalars[index] == ";" {
            index += 1
            let parameterName = readName()
            guard !parameterName.isEmpty, index < scalars.count, scalars[index] == "=" else {
                throw .malformedLine(line: line, expected: "NAME=value after ';'")
            }
            index += 1
            var values: [String] = []
            repeat {
                if index < scalars.count, scalars[index] == "," { index += 1 }
                var value = String.UnicodeScalarView()
                if index < scalars.count, scalars[index] == "\"" {
                    index += 1
                    while index < scalars.count, scalars[index] != "\"" {
                        value.append(scalars[index])
                        index += 1
                    }
                    guard index < scalars.count else {
                        throw .malformedLine(line: line, expected: "a closing DQUOTE in \(parameterName)")
                    }
                    index += 1
                } else {
                    while index < scalars.count, !";:,\"".unicodeScalars.contains(scalars[index]) {
                        value.append(scalars[index])
                        index += 1
                    }
                }
                values.append(String(value))
            } while index < scalars.count && scalars[index] == ","
            parameters.append(Parameter(parameterName, values.joined(separator: ",")))
        }
        guard index < scalars.count, scalars[index] == ":" else {
            throw .malformedLine(line: line, expected: "':' before the value")
        }
        let value = String(String.UnicodeScalarView(scalars[(index + 1)...]))
        return Property(name: name, parameters: parameters, rawValue: value)
    }
}

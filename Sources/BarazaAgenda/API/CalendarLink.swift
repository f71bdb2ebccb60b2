/// A calendar file the agenda links to, by its path inside the event's export folder
/// (`calendars/event.ics`, `calendars/rooms/<room-id>.ics`).
///
/// The agenda lives in `agenda/`, so the link it writes is `../` followed by the path, each segment
/// percent-encoded.
public struct CalendarLink: Hashable, Sendable, Comparable {
    /// The path relative to the export folder, with `/` separators.
    public var path: String

    /// A link to `path`, relative to the export folder.
    public init(path: String) { self.path = path }

    /// What the calendar covers, read from its path.
    public enum Scope: Hashable, Sendable {
        /// `calendars/event.ics`: every session.
        case wholeEvent
        /// `calendars/rooms/<id>.ics`: one room.
        case room(String)
        /// Any other file: shown by its file name.
        case other(String)
    }

    /// What the file covers, from its path.
    public var scope: Scope {
        let parts = path.split(separator: "/").map(String.init)
        if parts == ["calendars", "event.ics"] { return .wholeEvent }
        if parts.count == 3, parts[0] == "calendars", parts[1] == "rooms", parts[2].hasSuffix(".ics") {
            return .room(String(parts[2].dropLast(4)))
        }
        return .other(parts.last ?? path)
    }

    /// The link from `agenda/index.html`: `../` plus the percent-encoded path.
    public var href: String { "../" + encodedPath }

    /// The subscribe address under `base` (`webcal://host/path`): the base plus the percent-encoded path.
    public func subscribe(under base: String) -> String { base + "/" + encodedPath }

    private var encodedPath: String {
        path.split(separator: "/", omittingEmptySubsequences: true).map { percentEncode(String($0)) }
            .joined(separator: "/")
    }

    /// The whole-event calendar first, then rooms, then anything else, each by path.
    public static func < (a: CalendarLink, b: CalendarLink) -> Bool {
        func rank(_ l: CalendarLink) -> Int {
            switch l.scope {
            case .wholeEvent: return 0
            case .room: return 1
            case .other: return 2
            }
        }
        return (rank(a), a.path) < (rank(b), b.path)
    }
}

/// Percent-encodes everything outside RFC 3986's unreserved characters, byte by byte.
func percentEncode(_ segment: String) -> String {
    var out = ""
    for byte in segment.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            out += "%" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
    return out
}

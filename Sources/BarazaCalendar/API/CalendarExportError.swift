import BarazaModel

/// Why a calendar or invitation export cannot run; names files and fields, never personal data.
public enum CalendarExportError: Error, CustomStringConvertible, Sendable {
    /// The published-state file belongs to another event.
    case stateOfAnotherEvent(file: String, event: String)
    /// Invitations need an organiser address (`organizer.email` in event.yaml).
    case missingOrganizerEmail(file: String)
    /// A stamp given on the command line is not a UTC instant.
    case invalidStamp(String)

    /// The error for a person: the file, what is wrong, what was expected.
    public var description: String {
        switch self {
        case .stateOfAnotherEvent(let file, let event): "\(file): this state belongs to event \(event)"
        case .missingOrganizerEmail(let file):
            "\(file): event.organizer.email is needed to send invitations (expected an address such as name@example.org)"
        case .invalidStamp(let text): "stamp \(text.debugDescription): expected a UTC time such as 2027-03-01T09:00:00Z"
        }
    }
}

extension PublishedState {
    /// The `stamp` as an instant; nil when it is not `YYYY-MM-DDTHH:MM:SSZ`.
    public var stampInstant: Instant? { CalendarStamp.parse(stamp) }
}

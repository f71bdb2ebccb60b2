/// The client could not be set up at all.
public enum SMTPClientError: Error, CustomStringConvertible, Sendable {
    /// libcurl refused to start or to take an option.
    case unavailable(String)

    /// The error for a person.
    public var description: String {
        switch self {
        case .unavailable(let reason): "cannot prepare the mail client (libcurl): \(reason)"
        }
    }
}

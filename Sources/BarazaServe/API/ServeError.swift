/// Why the server cannot start or a state file cannot be used; names the file and what was expected.
public enum ServeError: Error, CustomStringConvertible, Sendable {
    /// A file of the state folder (keys, sequences) cannot be read or written.
    case badStateFile(path: String, reason: String)
    /// The workspace could not be loaded or fails its checks at start-up, so there is no good state to serve.
    case noGoodState(String)

    /// One line for a terminal.
    public var description: String {
        switch self {
        case .badStateFile(let path, let reason): "\(path): \(reason)"
        case .noGoodState(let problems): "nothing to serve yet: \(problems)"
        }
    }
}

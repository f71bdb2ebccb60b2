/// Why an agenda or schedule.xml export failed.
public enum AgendaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file the module ships (template, labels) is missing from its resource bundle.
    case missingResource(String)
    /// The page template could not be parsed; `detail` says where.
    case invalidTemplate(String, detail: String)

    /// The message for a terminal.
    public var description: String {
        switch self {
        case .missingResource(let name): return "the agenda resource \(name) is missing from the BarazaAgenda bundle"
        case .invalidTemplate(let name, let detail): return "the template \(name) cannot be parsed: \(detail)"
        }
    }
}

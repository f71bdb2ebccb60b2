import BarazaFolder
import BarazaModel
import BarazaPDF

/// Why badges could not be produced. Messages name files, lines and fields, never the people on the badges.
public enum BadgeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key file `file` was made for `keyEvents`, not for the workspace's `event`.
    case keyForOtherEvent(file: String, event: Event.ID, keyEvents: [Event.ID])
    /// The PDF could not be drawn or written.
    case pdf(PDFError)
    /// A file could not be written; `reason` is the system's description.
    case couldNotWrite(path: String, reason: String)
    /// The workspace refused a state file (a symbolic link that leads outside it), or its lock was held too long.
    case workspace(FolderError)

    public var description: String {
        switch self {
        case .keyForOtherEvent(let file, let event, let keyEvents):
            // The ids come from the file: each is quoted, but at most a short excerpt of it.
            let listed = keyEvents.prefix(10).map { String($0.rawValue.prefix { $0 != "\n" }.prefix(60)) }
                .joined(separator: ", ")
            return """
                \(file): this badge key belongs to \(listed), not to \(event) (was the workspace copied?). \
                Delete the file to give \(event) its own badge ids, or add \(event) to its `events` list to \
                share ids on purpose.
                """
        case .pdf(let error):
            return "cannot write the badge PDF: \(error)"
        case .couldNotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .workspace(let error):
            return error.description
        }
    }
}

/// The event a workspace plans: the final event, an online reflection session, a training...
public struct Event: Hashable, Sendable {
    public typealias ID = Identifier<Event>
    public var id: ID
    public var title: LocalizedText
    /// The zone that dates and online sessions default to.
    public var zone: Zone
    /// First and last day, inclusive, in the event's zone.
    public var firstDay: LocalDate
    public var lastDay: LocalDate
    public var languages: [Language]
    public var organizer: Organizer
    public var url: String?
    /// The check-in file (CSV or YAML), relative to the workspace, as named by `attendance:`; nil when not named.
    public var attendanceFile: String?
    public var location: SourceLocation

    public init(
        id: ID, title: LocalizedText, zone: Zone, firstDay: LocalDate, lastDay: LocalDate, languages: [Language],
        organizer: Organizer, url: String? = nil, attendanceFile: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.zone = zone
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.languages = languages
        self.organizer = organizer
        self.url = url
        self.attendanceFile = attendanceFile
        self.location = location
    }
}

/// Who runs the event and answers for its invitations.
public struct Organizer: Hashable, Sendable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

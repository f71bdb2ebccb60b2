/// One line of a check-in file: a person was present at a session (optionally, when they checked in).
public struct CheckIn: Hashable, Sendable {
    public var person: Reference<Person>
    public var session: Reference<Session>
    /// When the person checked in; nil when the file gives no time.
    public var time: WallTime?
    /// The row in the check-in file.
    public var location: SourceLocation

    public init(person: Reference<Person>, session: Reference<Session>, time: WallTime? = nil, location: SourceLocation)
    {
        self.person = person
        self.session = session
        self.time = time
        self.location = location
    }
}

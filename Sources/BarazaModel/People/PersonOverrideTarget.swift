/// An entry of `people-overrides.yaml`: whom it names (a person id or an email) and whom it was laid over.
/// The fields it sets are already applied to that person; this record lets checks report an override that matches
/// nobody, and the import keep the ids overrides name.
public struct PersonOverrideTarget: Hashable, Sendable {
    /// The person id the override names, if it names one.
    public var person: Person.ID?
    /// The email the override names when it names no id.
    public var email: String?
    /// The person it was laid over; nil when it matches nobody.
    public var matched: Person.ID?
    public var location: SourceLocation

    public init(person: Person.ID?, email: String?, matched: Person.ID?, location: SourceLocation) {
        self.person = person
        self.email = email
        self.matched = matched
        self.location = location
    }
}

/// One planned message of a batch.
public struct BatchMessage: Codable, Hashable, Sendable {
    /// Who gets it (person id).
    public var person: String
    /// The session it is about.
    public var session: String
    /// `REQUEST` or `CANCEL`.
    public var method: String
    /// The SEQUENCE it carries.
    public var sequence: Int
    /// Why this person gets it.
    public var reason: String
    /// The envelope recipient (the person's address at planning time); nil when not selected.
    public var recipient: String?
    /// The message file in the batch folder; nil when `--only` left it out (it waits for a later run).
    public var file: String?

    /// `session/person`: the message's key in the sent log (unique in a batch: one message per person and session).
    public var key: String { session + "/" + person }
    /// Whether this run sends it.
    public var isSelected: Bool { file != nil }
}

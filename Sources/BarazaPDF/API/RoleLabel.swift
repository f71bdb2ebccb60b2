/// The name of a person's role at the event, in English and in French, as printed in a badge's band.
public struct RoleLabel: Sendable, Hashable {
    /// The English name, for example "Speaker".
    public var english: String
    /// The French name, for example "Intervenant·e".
    public var french: String

    /// A label from its two languages.
    public init(english: String, french: String) {
        self.english = english
        self.french = french
    }

    /// Both languages joined by a middle dot ("Speaker · Intervenant·e"); one alone when they are the same
    /// or the other is empty.
    public var bilingual: String {
        let parts = [english, french].filter { !$0.isEmpty }
        if parts.count == 2, english == french { return english }
        return parts.joined(separator: " · ")
    }
}

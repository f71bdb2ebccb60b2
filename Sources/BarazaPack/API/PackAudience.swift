import BarazaModel

/// Who a material pack is for; decides which packs are written and how much personal data they carry.
///
/// - `public`: one pack, `packs/public.zip`, with no personal contact details at all.
/// - `participants`: one shared pack with every material, `packs/participants.zip`, plus one pack per person
///   who attended, `packs/participants/<person-id>.zip`, with that person's certificate of attendance and the
///   materials of the sessions they attended.
/// - `person(id)`: only that person's pack, `packs/participants/<person-id>.zip`.
/// - `city(name)`: one pack for a city's delegation, `packs/cities/<city>.zip`, with the certificates of
///   everyone from that city who attended.
public enum PackAudience: Hashable, Sendable, CustomStringConvertible {
    case `public`
    case participants
    case person(Person.ID)
    case city(String)

    /// Parses `public`, `participants`, `person:<id>` or `city:<name>`; nil otherwise.
    public init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        switch text {
        case "public": self = .public
        case "participants": self = .participants
        default:
            if text.hasPrefix("person:"), text.count > 7 {
                self = .person(Person.ID(String(text.dropFirst(7))))
            } else if text.hasPrefix("city:"), text.count > 5 {
                self = .city(String(text.dropFirst(5)))
            } else {
                return nil
            }
        }
    }

    /// The form `init(argument:)` reads.
    public var description: String {
        switch self {
        case .public: return "public"
        case .participants: return "participants"
        case .person(let id): return "person:\(id)"
        case .city(let name): return "city:\(name)"
        }
    }
}

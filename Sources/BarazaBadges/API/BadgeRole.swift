import BarazaModel
import BarazaPDF
import Foundation

/// A role printed on a badge, chosen from the roles the workspace gives the person.
///
/// Moderators are printed as speakers: both are on stage, and venue staff need to tell them from the audience,
/// not from each other.
public enum BadgeRole: String, CaseIterable, Sendable, Hashable, Comparable {
    case speaker, staff, interpreter, press, participant

    /// The badge role standing for the workspace role `role`.
    public init(_ role: Role) {
        switch role {
        case .speaker, .moderator: self = .speaker
        case .staff: self = .staff
        case .interpreter: self = .interpreter
        case .press: self = .press
        case .participant: self = .participant
        }
    }

    /// The badge role for someone holding `roles`, by the default precedence (`BadgeSettings.defaultRoleOrder`).
    public init(roles: Set<Role>) {
        self = Self.printed(for: roles, settings: BadgeSettings())[0]
    }

    /// The roles a badge prints for someone holding `roles`: the first of `settings.roleOrder` they hold, and
    /// with `rolesShown` 2 the next distinct one too (never "participant", which every role implies). A person
    /// without roles prints as a participant.
    ///
    /// The default order puts speakers and moderators first, then staff: secretariat members who also moderate
    /// are on stage that day, and the stage is what venue staff must recognise. A workspace that wants staff first
    /// (a staff badge opens every door) writes `badges: { roles: [staff, speaker, ...] }`, or prints both.
    public static func printed(for roles: Set<Role>, settings: BadgeSettings) -> [BadgeRole] {
        var printed: [BadgeRole] = []
        for role in settings.roleOrder where roles.contains(role) {
            let badgeRole = BadgeRole(role)
            guard !printed.contains(badgeRole), printed.isEmpty || badgeRole != .participant else { continue }
            printed.append(badgeRole)
            if printed.count == settings.rolesShown { break }
        }
        return printed.isEmpty ? [.participant] : printed
    }

    /// The role as named on the command line (`--role moderator` is accepted for speakers); nil when unknown.
    public init?(argument: String) {
        let word = argument.trimmingCharacters(in: .whitespaces).lowercased()
        if word == "moderator" {
            self = .speaker
        } else if let role = BadgeRole(rawValue: word) {
            self = role
        } else {
            return nil
        }
    }

    /// The role's name in English and French, as printed in the band.
    public var label: RoleLabel {
        switch self {
        case .speaker: RoleLabel(english: "Speaker", french: "Intervenant·e")
        case .participant: RoleLabel(english: "Participant", french: "Participant·e")
        case .staff: RoleLabel(english: "Staff", french: "Équipe")
        case .press: RoleLabel(english: "Press", french: "Presse")
        case .interpreter: RoleLabel(english: "Interpreter", french: "Interprète")
        }
    }

    /// The band colour: distinct hues that stay apart when printed on an office laser printer, and for the
    /// commonest colour-vision deficiencies the label text says the role anyway.
    public var colour: RGBColour {
        switch self {
        case .speaker: RGBColour(hex: 0xB3261E)
        case .participant: RGBColour(hex: 0x1F5FA8)
        case .staff: RGBColour(hex: 0x2E7D32)
        case .press: RGBColour(hex: 0xF2B705)
        case .interpreter: RGBColour(hex: 0x6A1B9A)
        }
    }

    /// Orders roles by the default precedence (speaker first).
    public static func < (a: BadgeRole, b: BadgeRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

import BarazaModel
import BarazaPDF
import Foundation

/// The role printed on a badge: one per person, chosen from the roles the workspace gives them.
///
/// Moderators are printed as speakers: both are on stage, and venue staff need to tell them from the audience,
/// not from each other.
public enum BadgeRole: String, CaseIterable, Sendable, Hashable, Comparable {
    case staff, speaker, interpreter, press, participant

    /// The badge role for someone holding `roles`, by precedence: staff, then speaker (or moderator), then
    /// interpreter, press, participant.
    ///
    /// Staff comes first because a staff badge opens every door the others do (secretariat members who also
    /// moderate work backstage all day); interpreters and press come before participant because their badge
    /// grants access to booths and press areas.
    public init(roles: Set<Role>) {
        if roles.contains(.staff) {
            self = .staff
        } else if roles.contains(.speaker) || roles.contains(.moderator) {
            self = .speaker
        } else if roles.contains(.interpreter) {
            self = .interpreter
        } else if roles.contains(.press) {
            self = .press
        } else {
            self = .participant
        }
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

    /// Orders roles by precedence (staff first).
    public static func < (a: BadgeRole, b: BadgeRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

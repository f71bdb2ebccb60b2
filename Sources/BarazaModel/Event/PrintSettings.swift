/// How `baraza export badges` prints: the `badges:` section of `event.yaml`.
public struct BadgeSettings: Hashable, Sendable {
    /// The default precedence: people on stage first (venue staff must tell them from the audience), then
    /// the event's staff, then those whose badge opens a booth or a press area, then everyone else.
    public static let defaultRoleOrder: [Role] = [.speaker, .moderator, .staff, .interpreter, .press, .participant]

    /// Roles by precedence: a badge prints the first of these the person holds (the first two with
    /// `rolesShown` 2). Always lists every role once: roles the workspace leaves out follow in default order.
    public var roleOrder: [Role]
    /// How many of a person's roles the band prints: 1 (the default) or 2.
    public var rolesShown: Int
    /// Whether people who attend only online sessions get a printed badge too (by default they do not).
    public var printsOnlineOnly: Bool

    /// Settings from their parts; the defaults print the first role by `defaultRoleOrder`, and no badge for
    /// people who attend only online.
    public init(roleOrder: [Role] = BadgeSettings.defaultRoleOrder, rolesShown: Int = 1, printsOnlineOnly: Bool = false)
    {
        var order: [Role] = []
        for role in roleOrder + Self.defaultRoleOrder where !order.contains(role) { order.append(role) }
        self.roleOrder = order
        self.rolesShown = min(max(rolesShown, 1), 2)
        self.printsOnlineOnly = printsOnlineOnly
    }
}

/// Certificates in material packs: the `certificates:` section of `event.yaml`.
public struct CertificateSettings: Hashable, Sendable {
    /// What a certificate certifies.
    public enum Basis: String, Hashable, Sendable, CaseIterable {
        /// Attendance as recorded (check-ins or an attendance list): only people recorded as present get one.
        case attendance
        /// Registration: everyone signed up for a session or on its programme gets one, titled as a
        /// certificate of registration, listing the sessions registered for.
        case registration
    }

    /// Who signs: a name and a title in each language, printed under a signature line.
    public struct Signatory: Hashable, Sendable {
        public var name: String
        public var title: LocalizedText?

        public init(name: String, title: LocalizedText? = nil) {
            self.name = name
            self.title = title
        }
    }

    /// What certificates certify (attendance unless the workspace says otherwise); nil when none are issued.
    public var basis: Basis?
    /// The organiser's logo, a PNG or SVG file, as written (relative to the workspace); nil for none.
    public var logo: String?
    /// Who signs the certificates; nil leaves the signature line unnamed.
    public var signatory: Signatory?
    /// Where the section was written, for errors about the logo.
    public var location: SourceLocation?

    public init(
        basis: Basis? = .attendance, logo: String? = nil, signatory: Signatory? = nil, location: SourceLocation? = nil
    ) {
        self.basis = basis
        self.logo = logo
        self.signatory = signatory
        self.location = location
    }
}

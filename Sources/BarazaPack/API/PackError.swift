import BarazaModel

/// Why a pack could not be built. Every case is found before anything is written, except `.materialChanged`
/// and `.couldNotWrite`, which leave any earlier zip untouched.
public enum PackError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A session names a material that is not on disk.
    case missingMaterial(session: Session.ID, path: String, at: SourceLocation)
    /// A material path is absolute, climbs out with `..`, or is a symbolic link leading out of the workspace.
    case materialOutsideWorkspace(session: Session.ID, path: String, at: SourceLocation)
    /// A material is a folder or a device rather than a file.
    case materialNotAFile(session: Session.ID, path: String, at: SourceLocation)
    /// Two files would get the same name inside the zip.
    case duplicateEntry(path: String)
    /// A name cannot be stored safely in a zip.
    case unsafeEntryName(name: String, reason: String)
    /// `person:<id>` names nobody in the workspace.
    case unknownPerson(Person.ID)
    /// A participant pack was asked for someone with no recorded attendance.
    case noAttendance(Person.ID)
    /// `city:<name>` matches no attendee's city; `known` lists the cities that do.
    case unknownCity(String, known: [String])
    /// A public pack would carry an email address in this entry (usually from a supplied input or a material).
    case emailInPublicPack(entry: String)
    /// A material changed size or vanished while the zip was being written.
    case materialChanged(path: String)
    /// The certificate PDF could not be produced.
    case certificate(person: Person.ID, reason: String)
    /// The logo named by `certificates.logo` (written at `at`) cannot be used: outside the workspace, missing,
    /// too large, or not a PNG or SVG picture.
    case logo(path: String, reason: String, at: SourceLocation)
    /// The zip could not be written.
    case couldNotWrite(path: String, reason: String)

    /// One line for a terminal.
    public var description: String {
        switch self {
        case .missingMaterial(let s, let p, let l):
            return "\(l): session `\(s)`: material `\(p)` does not exist in the workspace"
        case .materialOutsideWorkspace(let s, let p, let l):
            return "\(l): session `\(s)`: material `\(p)` is outside the workspace; expected a path relative to it"
        case .materialNotAFile(let s, let p, let l):
            return "\(l): session `\(s)`: material `\(p)` is not a regular file"
        case .duplicateEntry(let p):
            return "two files would be stored as `\(p)` in the pack; rename one of them"
        case .unsafeEntryName(let n, let r):
            return "cannot store `\(n)` in a zip: \(r)"
        case .unknownPerson(let id):
            return "no person with id `\(id)` in the workspace"
        case .noAttendance(let id):
            return "person `\(id)` attended no session, so has no participant pack or certificate"
        case .unknownCity(let c, let known):
            return "no attendee comes from `\(c)`; cities with attendees: \(known.joined(separator: ", "))"
        case .emailInPublicPack(let e):
            return "the public pack would carry an email address in `\(e)`; public packs carry no contacts"
        case .materialChanged(let p):
            return "material `\(p)` changed while the pack was written; the earlier pack was kept"
        case .certificate(let id, let r):
            return "certificate for `\(id)`: \(r)"
        case .logo(let p, let r, let l):
            return "\(l): certificates.logo: `\(p)` \(r)"
        case .couldNotWrite(let p, let r):
            return "cannot write \(p): \(r)"
        }
    }
}

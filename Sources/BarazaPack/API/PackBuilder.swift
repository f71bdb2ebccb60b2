import BarazaChecks
import BarazaModel
import Foundation

/// Builds post-event material packs: deterministic zips holding an offline `index.html`, the supplied agenda
/// page and calendar, session materials by day and session, certificates, the attendance list, figures and a
/// `manifest.json`.
///
/// Use `plan(_:)` to check everything (materials on disk and inside the workspace, audience, names) before any
/// byte is written, then `write(_:into:)` each plan. Entries are ordered `index.html` first, then by path, then
/// `manifest.json`; all carry the event's last day (00:00 UTC) as their date.
public struct PackBuilder: Sendable {
    /// The workspace the packs describe.
    public var workspace: Workspace
    /// Who attended what.
    public var attendance: Attendance
    /// Artefacts from other exporters (agenda page, whole-event calendar).
    public var inputs: PackInputs

    /// A builder for `workspace`.
    public init(workspace: Workspace, attendance: Attendance, inputs: PackInputs = PackInputs()) {
        self.workspace = workspace
        self.attendance = attendance
        self.inputs = inputs
    }

    /// What certificates certify for this workspace and this attendance: the workspace's `certificates.certify`,
    /// except that certificates of attendance need attendance recorded in a check-in file (nil otherwise: none
    /// are issued, rather than certificates that guess).
    public var certificateBasis: CertificateSettings.Basis? {
        switch workspace.certificateSettings.basis {
        case .attendance?:
            if case .checkInFile = attendance.source { return .attendance }
            return nil
        case .registration?: return .registration
        case nil: return nil
        }
    }

    /// The sessions a person's certificate lists, by person: recorded attendance, or registrations (sign-ups and
    /// the programme's speakers and moderators) for certificates of registration. Breaks and meals are not part
    /// of what a certificate attests.
    func certificateSessions(_ basis: CertificateSettings.Basis) -> [Person.ID: [Session]] {
        let source = basis == .registration ? Attendance(plannedFrom: workspace) : attendance
        return source.sessionsByPerson.compactMapValues { ids in
            let sessions = ids.compactMap { workspace.sessionsByID[$0] }.filter { ![.break, .meal].contains($0.kind) }
            return sessions.isEmpty ? nil : sessions
        }
    }

    /// Every pack `audience` asks for, fully checked and ready to write. A material that cannot be packed
    /// (missing, not a file, outside the workspace) counts as `baraza check` counts it (`MaterialRule`): with
    /// `missing-material` an error it fails the plan; as a warning (the default) or off, the packs are built
    /// without it and name it as absent (index and manifest).
    /// - Throws: `PackError` for a missing or escaping material when `missing-material` is an error, an unknown person or city, someone without
    ///   attendance, a public pack that would carry an email address, a logo that cannot be read, or a
    ///   certificate that cannot be rendered.
    public func plan(_ audience: PackAudience) throws(PackError) -> [PackPlan] {
        let (materials, missing) = try Materials.resolve(
            workspace, leavingOut: MaterialRule.severity(in: workspace) != .error)
        let basis = certificateBasis
        let certified = basis.map { certificateSessions($0) } ?? [:]
        let logo = try basis == nil ? nil : CertificateLogo.load(workspace)
        let attendees = attendance.attendees.compactMap { workspace.peopleByID[$0] }
        var specs: [PackSpec] = []
        switch audience {
        case .public:
            specs = [PackSpec(kind: .public, path: "packs/public.zip", certificates: [])]
        case .participants:
            specs = [PackSpec(kind: .participants, path: "packs/participants.zip", certificates: [])]
            specs += attendees.map { personSpec($0) }
        case .person(let id):
            guard let person = workspace.peopleByID[id] else { throw .unknownPerson(id) }
            guard !(attendance.sessionsByPerson[id] ?? []).isEmpty else { throw .noAttendance(id) }
            specs = [personSpec(person)]
        case .city(let name):
            let key = Self.cityKey(name)
            let delegation = attendees.filter { $0.city.map(Self.cityKey) == key }
            guard !delegation.isEmpty else {
                throw .unknownCity(name, known: Set(attendees.compactMap(\.city)).sorted())
            }
            let cityName = delegation.compactMap(\.city).first ?? name
            specs = [
                PackSpec(
                    kind: .city(cityName), path: "packs/cities/\(EntryName.slug(cityName)).zip",
                    certificates: delegation)
            ]
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "baraza-pack-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var certificates: [Person.ID: Data] = [:]
        var plans: [PackPlan] = []
        let shared = try SharedEntries(self)
        for var spec in specs {
            // Only people the basis covers get a certificate: recorded attendance, or a registration.
            spec.certificates = spec.certificates.filter { certified[$0.id] != nil }
            for person in spec.certificates where certificates[person.id] == nil {
                var recordedIn: String?
                if case .checkInFile(let file) = attendance.source { recordedIn = file }
                certificates[person.id] = try Certificate(
                    person: person, sessions: certified[person.id]!, workspace: workspace, basis: basis!,
                    recordedIn: recordedIn, logo: logo
                ).pdf(scratch: scratch)
            }
            plans.append(
                try plan(
                    spec, materials: materials, missing: missing, certificates: certificates, basis: basis,
                    shared: shared))
        }
        return plans
    }

    /// Writes `plan` under `directory` (the export folder): to a temporary file, renamed over any earlier zip
    /// only once complete. Materials are streamed from disk in 64 KiB chunks.
    /// - Throws: `PackError.materialChanged` when a material changed since `plan`, `.couldNotWrite` otherwise;
    ///   either way an earlier zip at the same place is left as it was.
    public func write(_ plan: PackPlan, into directory: String) throws(PackError) {
        try write(plan, to: (directory as NSString).appendingPathComponent(plan.path))
    }

    /// Writes `plan` as the zip `destination` (a full path), as ``write(_:into:)`` does.
    public func write(_ plan: PackPlan, to destination: String) throws(PackError) {
        let date = Date(timeIntervalSince1970: TimeInterval(workspace.event.lastDay.daysSince1970) * 86_400)
        let workspace = self.workspace
        let attendance = self.attendance
        try DeterministicZip.write(
            plan.entries,
            last: { written throws(PackError) in
                let manifest = Manifest(
                    workspace: workspace, audience: plan.audience, attendance: attendance,
                    absentInputs: plan.absentInputs + plan.missingMaterials, written: written)
                return try Self.checked(
                    PackEntry(
                        path: "manifest.json", content: .data(manifest.encoded()), mediaType: "application/json",
                        tags: [], languages: []), isPublic: plan.isPublic, allowed: Self.allowedAddresses(workspace))
            }, to: destination, modificationDate: date)
    }

    // MARK: Building one plan

    private func personSpec(_ person: Person) -> PackSpec {
        PackSpec(
            kind: .person(person), path: "packs/participants/\(EntryName.slug(person.id.rawValue)).zip",
            certificates: [person])
    }

    private func plan(
        _ spec: PackSpec, materials: [ResolvedMaterial], missing: [MissingMaterial], certificates: [Person.ID: Data],
        basis: CertificateSettings.Basis?, shared: SharedEntries
    ) throws(PackError) -> PackPlan {
        // A personal pack carries the materials of the sessions its holder attended; the shared participants'
        // pack (and the public and city packs) carry them all, so 40 personal packs do not repeat every file.
        var omitted: [ResolvedMaterial] = []
        var materials = materials
        var missing = missing
        if case .person(let person) = spec.kind {
            let attended = Set(attendance.sessionsByPerson[person.id] ?? [])
            omitted = materials.filter { !attended.contains($0.session.id) }
            materials = materials.filter { attended.contains($0.session.id) }
            missing = missing.filter { attended.contains($0.session) }
        }
        let languages = workspace.event.languages
        var entries: [PackEntry] = []
        var absent: [String] = []
        var agendaEntry: String?
        var calendarEntry: String?
        if let agenda = shared.agenda {
            agendaEntry = "agenda/agenda.html"
            entries.append(
                PackEntry(
                    path: agendaEntry!, content: .prepared(agenda), mediaType: "text/html", tags: [],
                    languages: languages))
        } else {
            absent.append("agenda page")
        }
        if let calendar = shared.calendar {
            calendarEntry = try EntryName.normalise("calendar/\(EntryName.slug(workspace.event.id.rawValue)).ics")
            entries.append(
                PackEntry(
                    path: calendarEntry!, content: .prepared(calendar), mediaType: "text/calendar", tags: [],
                    languages: languages))
        } else {
            absent.append("event calendar")
        }
        for m in materials {
            entries.append(
                PackEntry(
                    path: m.entry, content: .file(path: m.file, size: m.size),
                    mediaType: PackEntry.mediaType(forFileName: m.entry), session: m.session.id,
                    day: m.session.start.local.date, tags: m.session.tags,
                    languages: m.session.language.map { [$0] } ?? []))
        }
        var certificateEntries: [(person: Person, entry: String)] = []
        for person in spec.certificates {
            let entry = "certificates/\(EntryName.slug(person.id.rawValue)).pdf"
            certificateEntries.append((person, entry))
            entries.append(
                PackEntry(
                    path: entry, content: .data(certificates[person.id]!), mediaType: "application/pdf", tags: [],
                    languages: [.english, .french]))
        }
        let listEntry = "attendance/attendance.csv"
        let parts = try shared.parts(showsContacts: spec.showsContacts)
        let workspace = self.workspace
        let attendance = self.attendance
        let index: @Sendable () -> Data = {
            [agendaEntry, calendarEntry, certificateEntries, materials, omitted, missing] in
            let page = IndexPage(
                workspace: workspace, attendance: attendance, spec: spec, materials: materials,
                materialsInSharedPack: omitted, missingMaterials: missing, agendaEntry: agendaEntry,
                calendarEntry: calendarEntry, certificateBasis: basis, certificateEntries: certificateEntries,
                attendanceListEntry: listEntry, parts: parts)
            return Data(page.html.utf8)
        }
        // Personal packs (one per attendee) make their index only when written: planned all at once, each
        // holding a list of every attendee, they grew with the square of the attendance. The attendance list is
        // the same in every pack of the plan, compressed once.
        let personal: Bool
        if case .person = spec.kind { personal = true } else { personal = false }
        entries.append(
            PackEntry(path: listEntry, content: .prepared(parts.csv), mediaType: "text/csv", tags: [], languages: []))
        let indexEntry = PackEntry(
            path: "index.html", content: personal ? .generated(index) : .data(index()), mediaType: "text/html",
            tags: [], languages: languages)

        var seen: Set<String> = ["index.html", "manifest.json"]
        for e in entries where !seen.insert(e.path).inserted { throw .duplicateEntry(path: e.path) }
        entries.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        entries.insert(indexEntry, at: 0)
        let isPublic: Bool
        if case .public = spec.kind { isPublic = true } else { isPublic = false }
        if isPublic {
            let allowed = Self.allowedAddresses(workspace)
            for e in entries { _ = try Self.checked(e, isPublic: true, allowed: allowed) }
        }
        return PackPlan(
            path: spec.path, audience: spec.audience, entries: entries, absentInputs: absent,
            missingMaterials: missing.map(\.label), isPublic: isPublic)
    }

    /// What a public pack may carry that looks like an email address: the organizer's public contact (an
    /// organisation, not a person) and calendar UIDs of the form `session-<id>@<event id>.baraza`.
    static func allowedAddresses(_ workspace: Workspace) -> EmailScanner.Allowed {
        EmailScanner.Allowed(
            addresses: workspace.event.organizer.email.isEmpty ? [] : [workspace.event.organizer.email.lowercased()],
            domains: ["\(workspace.event.id.rawValue.lowercased()).baraza"])
    }

    /// A public pack refuses any entry that holds an email address (text files are read in chunks).
    private static func checked(
        _ entry: PackEntry, isPublic: Bool, allowed: EmailScanner.Allowed
    ) throws(PackError) -> PackEntry {
        guard isPublic else { return entry }
        let found: Bool
        switch entry.content {
        case .data(let d): found = EmailScanner.containsAddress(d, allowed: allowed)
        case .generated(let make): found = EmailScanner.containsAddress(make(), allowed: allowed)
        case .prepared(let prepared): found = EmailScanner.containsAddress(prepared.data, allowed: allowed)
        case .file(let path, _):
            guard
                entry.mediaType.hasPrefix("text/") || entry.mediaType == "application/json"
                    || entry.mediaType == "image/svg+xml"
            else { return entry }
            found = EmailScanner.fileContainsAddress(path, allowed: allowed)
        }
        if found { throw .emailInPublicPack(entry: entry.path) }
        return entry
    }

    /// Cities compare without case or accents, so `city:seme-podji` finds Sèmè-Podji.
    static func cityKey(_ city: String) -> String {
        EntryName.slug(city.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
    }
}

/// One zip a `PackBuilder` will write: where, for whom, and its files in order.
public struct PackPlan: Sendable {
    /// Where the zip goes, relative to the export folder (`packs/public.zip`...).
    public let path: String
    /// The audience as written on the command line (`public`, `person:<id>`...).
    public let audience: String
    let entries: [PackEntry]
    /// Inputs that were not supplied, named in the manifest (the index says so too).
    public let absentInputs: [String]
    /// Materials left out because they could not be packed (``material `x` of session `y` ``), named in the
    /// manifest and the index; empty unless `missing-material` is a warning or off.
    public let missingMaterials: [String]
    let isPublic: Bool

    /// Names of the files inside the zip, in order (`manifest.json` last).
    public var entryNames: [String] { entries.map(\.path) + ["manifest.json"] }
}

/// What the packs of one plan share, made once: the supplied agenda page and calendar compressed, and the
/// index's common parts and attendance list for each kind of pack (with or without contacts).
final class SharedEntries {
    let agenda: PreparedContent?
    let calendar: PreparedContent?
    private let builder: PackBuilder
    private var parts: [Bool: PackParts] = [:]

    init(_ builder: PackBuilder) throws(PackError) {
        self.builder = builder
        agenda = try builder.inputs.agendaPage.map { data throws(PackError) in
            try PreparedContent(data, deflates: PackEntry.compresses("text/html"))
        }
        calendar = try builder.inputs.eventCalendar.map { data throws(PackError) in
            try PreparedContent(data, deflates: PackEntry.compresses("text/calendar"))
        }
    }

    func parts(showsContacts: Bool) throws(PackError) -> PackParts {
        if let made = parts[showsContacts] { return made }
        let made = try PackParts(
            workspace: builder.workspace, attendance: builder.attendance, showsContacts: showsContacts)
        parts[showsContacts] = made
        return made
    }
}

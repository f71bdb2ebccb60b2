import BarazaModel
import BarazaWorkspace
import Foundation

/// A small workspace written as YAML into a scratch folder: two days, two rooms, four people (one who did not
/// consent to share contacts), four sessions, three material files.
struct MiniWorkspace {
    let scratch: Scratch
    var root: String { scratch.path("mini") }

    static let emails = [
        "ana.lopes@example.org", "ben.okoro@example.org", "chloe.diallo@example.org", "sec@example.org",
    ]

    init(materials: [String: [String]]? = nil, extraEvent: String = "") throws {
        scratch = try Scratch()
        let m =
            materials ?? [
                "s1": ["materials/day1/slides.pdf", "materials/day1/notes.md"],
                "s2": ["materials/photo café.png"],
            ]
        func list(_ id: String) -> String {
            guard let files = m[id], !files.isEmpty else { return "" }
            return "\n    materials:\n" + files.map { "      - \"\($0)\"" }.joined(separator: "\n")
        }
        try scratch.write(
            """
            event:
              id: mini
              title: { en: Mini event, fr: Mini événement }
              timezone: Africa/Kigali
              dates: { start: 2027-03-23, end: 2027-03-24 }
              organizer: { name: Secretariat, email: sec@example.org }
            \(extraEvent)
            venues:
              - id: hall
                name: Hall
                city: Kigali
                country: RW
                timezone: Africa/Kigali
                rooms:
                  - { id: r1, name: Room 1 }
                  - { id: r2, name: Room 2 }
            people:
              - id: ana
                name: Ana Lopes
                email: ana.lopes@example.org
                organisation: City of Maputo
                city: Maputo
                country: MZ
                roles: [speaker]
                gender: Female
                bio: { en: "Ana plans markets.", fr: "Ana aménage les marchés." }
                consent: { share_contact: true }
              - id: ben
                name: Ben Okoro
                email: ben.okoro@example.org
                organisation: Lagos State
                city: Lagos
                country: NG
                consent: false
              - id: chloe
                name: Chloé Diallo
                email: chloe.diallo@example.org
                city: Bamako
                country: ML
                roles: [participant]
                consent: { share_contact: true }
              - id: dan
                name: Dan Mensah
                city: Kumasi
                country: GH
            sessions:
              - id: s1
                title: { en: Markets and streets, fr: Marchés et rues }
                kind: workshop
                room: r1
                start: 2027-03-23T09:00
                end: "10:30"
                tags: [economy, streets]
                language: en
                speakers: [ana]
                participants: [ben, chloe]\(list("s1"))
              - id: s2
                title: { en: Water for all, fr: De l'eau pour tous }
                kind: plenary
                room: r2
                start: 2027-03-24T11:00
                end: "12:00"
                tags: [water]
                language: fr
                participants: [ben]\(list("s2"))
              - id: lunch
                title: Lunch
                kind: meal
                room: r2
                start: 2027-03-24T12:00
                end: "13:00"
              - id: s3
                title: { en: Closing, fr: Clôture }
                kind: ceremony
                room: r2
                start: 2027-03-24T15:00
                end: "16:00"
                participants: [ana, chloe]
            """, to: "mini/event.yaml")
        try scratch.write("%PDF-1.4 not really a pdf, but bytes all the same\n", to: "mini/materials/day1/slides.pdf")
        try scratch.write("# Notes\n\nStreets are public space.\n", to: "mini/materials/day1/notes.md")
        try scratch.write("PNG bytes", to: "mini/materials/photo café.png")
    }

    func load() throws -> Workspace { try WorkspaceLoader(knownRuleIDs: []).load(directory: root) }
}

import BarazaModel
import BarazaOutput

/// The pack's offline `index.html`: one self-contained page (no scripts, no outside links needed) that says
/// what the pack holds and links every file in it.
///
/// The shared, public and city packs' page lists the whole programme with its materials, the speakers and the
/// attendance list. A personal pack's page is its holder's own: their sessions with their materials (each linked
/// to its place in the pack's agenda page, which holds the whole programme), the speakers of those sessions,
/// their certificate, and the attendance list as the pack's CSV, so a thousand personal packs do not each carry
/// (and compress) the same programme, speakers and list again.
struct IndexPage {
    var workspace: Workspace
    var attendance: Attendance
    var spec: PackSpec
    var materials: [ResolvedMaterial]
    /// Materials left out of a personal pack (sessions its holder did not attend); they are in the shared pack.
    var materialsInSharedPack: [ResolvedMaterial] = []
    /// Materials a session lists that could not be packed (`missing-material` not an error): named as absent.
    var missingMaterials: [MissingMaterial] = []
    var agendaEntry: String?
    var calendarEntry: String?
    /// What the certificates certify; nil when none are issued.
    var certificateBasis: CertificateSettings.Basis?
    var certificateEntries: [(person: Person, entry: String)]
    var attendanceListEntry: String
    /// What every pack of the plan shares: the clock, the session lines and the sections that name no holder.
    var parts: PackParts
    /// The zone every time of the page is read in, stated under the title.
    var clock: PageClock { parts.clock }

    var html: String {
        let e = workspace.event
        var h = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(e.title.bilingual))</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#111}
            h1{font-size:1.6rem}h2{border-bottom:1px solid #999;margin-top:2rem}
            table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .5rem;text-align:left}
            .absent{color:#555;font-style:italic}.note{background:#f3f3f3;padding:.5rem 1rem;border-left:4px solid #555}
            figure{margin:1rem 0}@media print{a{color:#000}}
            </style>
            </head>
            <body>
            <header>
            <h1>\(HTML.escape(e.title.english ?? e.title.bilingual))<br><span lang="fr">\(HTML.escape(e.title.french ?? ""))</span></h1>
            <p>\(e.firstDay.iso8601) – \(e.lastDay.iso8601)</p>
            <p class="zone">\(clock.statementHTML)</p>
            <p><strong>\(HTML.escape(spec.label.en))</strong> · <span lang="fr">\(HTML.escape(spec.label.fr))</span></p>
            </header>
            <p class="note">\(attendanceNote)</p>

            """
        h += contents
        if case .person(let person) = spec.kind {
            let sessions = attendedSessions(person)
            h += personalSessions(sessions)
            h += personalSpeakers(sessions)
        } else {
            h += materialsSection
            h += parts.speakersSection
            h += parts.attendanceSection
        }
        h += parts.figuresSection
        h += """
            <footer><p>Every file of this pack, with its size and SHA-256, is listed in \
            <a href="manifest.json">manifest.json</a>. · La liste des fichiers avec leur empreinte SHA-256 figure \
            dans manifest.json.</p></footer>
            </body>
            </html>

            """
        return h
    }

    private var attendanceNote: String {
        switch attendance.source {
        case .checkInFile(let file):
            return "Attendance comes from the check-in file <code>\(HTML.escape(file))</code>. · "
                + "<span lang=\"fr\">La présence provient du fichier de pointage.</span>"
        case .signUpsAndSpeakers:
            return "No check-in file was kept: attendance here is taken from sign-ups and speaker lists, "
                + "not from check-in. · <span lang=\"fr\">Aucun pointage n'a été conservé : la présence est déduite "
                + "des inscriptions et des listes d'intervenants.</span>"
        }
    }

    /// Why a personal pack carries no certificate.
    private var certificateAbsence: String {
        switch (certificateBasis, workspace.certificateSettings.basis) {
        case (nil, .attendance?):
            return "No certificate of attendance: attendance was not recorded at check-in. · Pas d'attestation de "
                + "participation : la présence n'a pas été enregistrée à l'accueil."
        case (nil, _):
            return "No certificates are issued for this event. · Aucune attestation n'est délivrée pour cet événement."
        default:
            return "No certificate: no session of the programme is recorded for you. · Pas d'attestation : aucune "
                + "séance du programme n'est enregistrée pour vous."
        }
    }

    private var contents: String {
        var h = "<nav><h2>Contents · Sommaire</h2><ul>\n"
        if let a = agendaEntry {
            h += "<li><a href=\"\(HTML.href(a))\">Final agenda · Programme final</a></li>\n"
        } else {
            h +=
                "<li class=\"absent\">Final agenda: not included in this pack (it was not supplied when the pack "
                + "was built). · Programme final : absent de ce dossier.</li>\n"
        }
        if let c = calendarEntry {
            h += "<li><a href=\"\(HTML.href(c))\">Calendar of the whole event (.ics) · Calendrier</a></li>\n"
        } else {
            h +=
                "<li class=\"absent\">Calendar (.ics): not included in this pack (it was not supplied when the pack "
                + "was built). · Calendrier : absent de ce dossier.</li>\n"
        }
        let label =
            certificateBasis == .registration
            ? "Certificate of registration · Attestation d'inscription"
            : "Certificate of attendance · Attestation de participation"
        for (person, entry) in certificateEntries {
            h += "<li><a href=\"\(HTML.href(entry))\">\(label): \(HTML.escape(person.name))</a></li>\n"
        }
        if case .person(let person) = spec.kind {
            if certificateEntries.isEmpty { h += "<li class=\"absent\">\(certificateAbsence)</li>\n" }
            return h + """
                <li><a href="#your-sessions">Your sessions and their materials · Vos séances et leurs documents</a> \
                (\(attendedSessions(person).count) · \(materials.count) file(s) · fichier(s))</li>
                <li><a href="#speakers">Speakers of your sessions · Intervenants de vos séances</a></li>
                <li><a href="\(HTML.href(attendanceListEntry))">Attendance list · Liste de présence</a> \
                (CSV, \(parts.attendees))</li>
                <li><a href="#figures">Figures · Chiffres</a></li>
                <li><a href="manifest.json">manifest.json</a></li>
                </ul></nav>

                """
        }
        h += """
            <li><a href="#materials">Session materials · Documents des séances</a> (\(materials.count))</li>
            <li><a href="#speakers">Speakers · Intervenants</a></li>
            <li><a href="#attendance">Attendance list · Liste de présence</a> \
            (<a href="\(HTML.href(attendanceListEntry))">CSV</a>)</li>
            <li><a href="#figures">Figures · Chiffres</a></li>
            <li><a href="manifest.json">manifest.json</a></li>
            </ul></nav>

            """
        return h
    }

    /// The sessions `person` attended in programme order, breaks and meals left out.
    private func attendedSessions(_ person: Person) -> [Session.ID] {
        (attendance.sessionsByPerson[person.id] ?? []).filter {
            guard let kind = workspace.sessionsByID[$0]?.kind else { return false }
            return ![.break, .meal].contains(kind)
        }
    }

    /// The holder's sessions, each with its place in the agenda page and its materials (or why it has none).
    private func personalSessions(_ ids: [Session.ID]) -> String {
        var h = "<section id=\"your-sessions\"><h2>Your sessions · Vos séances (\(ids.count))</h2>\n"
        let elsewhere = Set(materialsInSharedPack.map(\.session.id)).count
        if elsewhere > 0 {
            h +=
                "<p>This pack holds the materials of the sessions you attended; those of \(elsewhere) other "
                + "session(s) are in the shared pack (participants.zip). · <span lang=\"fr\">Ce dossier contient "
                + "les documents des séances suivies ; ceux des autres sont dans le dossier commun des "
                + "participants.</span></p>\n"
        }
        let bySession = Dictionary(grouping: materials, by: { $0.session.id })
        let notPacked = Dictionary(grouping: missingMaterials, by: \.session)
        h += "<ul>\n"
        for id in ids {
            guard let line = parts.lines[id] else { continue }
            let anchor = HTML.escape(AgendaAnchor.of(id))
            h += "<li id=\"\(anchor)\">\(line.dated)"
            if let agenda = agendaEntry {
                h += " (<a href=\"\(HTML.href(agenda))#\(anchor)\">agenda · programme</a>)"
            }
            if let files = bySession[id] {
                h += Self.fileList(files)
            } else if notPacked[id] == nil {
                h += " <span class=\"absent\">(no materials · pas de document)</span>"
            }
            h += Self.notAvailable(notPacked[id] ?? []) + "</li>\n"
        }
        return h + "</ul></section>\n"
    }

    /// The speakers and moderators of the holder's sessions, as the shared page shows them.
    private func personalSpeakers(_ ids: [Session.ID]) -> String {
        let attended = Set(ids)
        let speakers = parts.speakers.filter { $0.sessions.contains(where: attended.contains) }
        var h = "<section id=\"speakers\"><h2>Speakers of your sessions · Intervenants de vos séances "
        h += "(\(speakers.count))</h2>\n"
        for speaker in speakers { h += speaker.article }
        return h + "</section>\n"
    }

    private var materialsSection: String {
        var h = "<section id=\"materials\"><h2>Session materials · Documents des séances</h2>\n"
        let bySession = Dictionary(grouping: materials, by: { $0.session.id })
        let elsewhere = Dictionary(grouping: materialsInSharedPack, by: { $0.session.id })
        let notPacked = Dictionary(grouping: missingMaterials, by: \.session)
        if !materialsInSharedPack.isEmpty {
            h +=
                "<p>This pack holds the materials of the sessions you attended; the others are in the shared "
                + "participants' pack (participants.zip). · <span lang=\"fr\">Ce dossier contient les documents "
                + "des séances suivies ; les autres sont dans le dossier commun des participants.</span></p>\n"
        }
        for (day, sessions) in parts.days {
            h += "<h3>\(day.iso8601)</h3>\n<ul>\n"
            for (id, opening) in sessions {
                h += opening
                if let files = bySession[id] {
                    h += Self.fileList(files)
                } else if let files = elsewhere[id] {
                    h +=
                        " <span class=\"absent\">(\(files.count) file(s) in the shared pack · dans le dossier "
                        + "commun)</span>"
                } else if notPacked[id] == nil {
                    h += " <span class=\"absent\">(no materials · pas de document)</span>"
                }
                h += Self.notAvailable(notPacked[id] ?? []) + "</li>\n"
            }
            h += "</ul>\n"
        }
        return h + "</section>\n"
    }

    /// A session's packed files as a list of links, each with its size.
    private static func fileList(_ files: [ResolvedMaterial]) -> String {
        var h = "<ul>\n"
        for f in files {
            let name = f.entry.split(separator: "/").last.map(String.init) ?? f.entry
            h += "<li><a href=\"\(HTML.href(f.entry))\">\(HTML.escape(name))</a> (\(size(f.size)))</li>\n"
        }
        return h + "</ul>"
    }

    /// A note for each material a session lists that was missing when the pack was built.
    private static func notAvailable(_ missing: [MissingMaterial]) -> String {
        missing.map { m in
            let name = m.written.split(separator: "/").last.map(String.init) ?? m.written
            return " <span class=\"absent\">(\(HTML.escape(name)): not available when the pack was built · "
                + "non disponible à la création du dossier)</span>"
        }.joined()
    }

    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        return "\((bytes + 512 * 1024) / (1024 * 1024)) MB"
    }
}

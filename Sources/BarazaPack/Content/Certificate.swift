import BarazaModel
import BarazaPDF
import Foundation

/// A bilingual certificate of attendance for one person, listing the sessions they attended, as A4 PDF.
struct Certificate {
    var person: Person
    var sessions: [Session]
    var workspace: Workspace
    var attendanceSource: Attendance.Source

    static let margin = 20.0
    static let width = 170.0
    static let pageBottom = 262.0

    var document: TextDocument {
        let event = workspace.event
        let title = TextStyle(
            size: TextStyle.millimetres(points: 20), weight: .bold, maxLines: .max, alignment: .centred)
        let centred = TextStyle(size: TextStyle.millimetres(points: 12), maxLines: .max, alignment: .centred)
        let name = TextStyle(
            size: TextStyle.millimetres(points: 18), weight: .bold, maxLines: .max, alignment: .centred)
        let body = TextStyle(size: TextStyle.millimetres(points: 10), maxLines: .max, lineHeight: 1.3)
        let small = TextStyle(size: TextStyle.millimetres(points: 8.5), maxLines: .max, lineHeight: 1.3)
        let m = Self.margin
        let w = Self.width
        let city = workspace.venues.compactMap(\.city).first
        let dates = "\(event.firstDay.iso8601) – \(event.lastDay.iso8601)" + (city.map { ", \($0)" } ?? "")

        var current: [Paragraph] = [
            Paragraph(.text("Certificate of attendance"), x: m, y: 22, width: w, style: title),
            Paragraph(.italic(.text("Attestation de participation")), x: m, y: 33, width: w, style: centred),
            Paragraph(.text("This certifies that · Nous certifions que"), x: m, y: 50, width: w, style: centred),
            Paragraph(.text(person.name), x: m, y: 60, width: w, style: name),
            Paragraph(
                .text("took part in · a participé à"), x: m, y: 74, width: w, style: centred),
            Paragraph(
                .bold(.text(event.title.english ?? event.title.bilingual)), x: m, y: 83, width: w, style: centred),
            Paragraph(.italic(.text(event.title.french ?? "")), x: m, y: 91, width: w, style: centred),
            Paragraph(.text(dates), x: m, y: 101, width: w, style: centred),
            Paragraph(
                .bold(.text("Sessions attended (\(sessions.count)) · Séances suivies (\(sessions.count))")),
                x: m, y: 114, width: w, style: body),
        ]
        var pages: [DocumentPage] = []
        var y = 122.0
        for session in sessions {
            let line =
                "\(session.start.local.date.iso8601) \(session.start.local.time)–\(session.end.local.time) (\(session.zone.identifier))"
            let text = session.title.bilingual
            // Title lines at about 95 characters per line of 10 pt on 170 mm, plus the time line.
            let height = 4.7 * Double(1 + (text.count + 94) / 95) + 2.2
            if y + height > Self.pageBottom {
                pages.append(DocumentPage(paragraphs: current))
                current = [
                    Paragraph(
                        .bold(.text("\(person.name): sessions attended (continued) · séances suivies (suite)")),
                        x: m, y: 20, width: w, style: body)
                ]
                y = 30
            }
            current.append(
                Paragraph(.bold(.text(line)) + .text("\n" + text), x: m, y: y, width: w, style: body))
            y += height
        }
        let source: String
        switch attendanceSource {
        case .checkInFile:
            source = "Attendance recorded at check-in. · Présence enregistrée à l'accueil des séances."
        case .signUpsAndSpeakers:
            source = """
                No check-in was recorded: sessions are those the person signed up for or spoke at. \
                · Aucun pointage n'a été enregistré : les séances sont celles auxquelles la personne s'est inscrite \
                ou est intervenue.
                """
        }
        let footer = """
            \(source)
            Issued by · Délivré par : \(event.organizer.name.isEmpty ? "the organisers · les organisateurs" : event.organizer.name), \
            \(event.lastDay.iso8601). Reference · Référence : \(event.id.rawValue)/\(person.id.rawValue)
            """
        // The footer sits at the foot of the last page, or on a page of its own when the list reaches it.
        var footerY = max(y + 6, 250)
        if footerY + 22 > 287 {
            pages.append(DocumentPage(paragraphs: current))
            current = []
            footerY = 20
        }
        current.append(Paragraph(.text(footer), x: m, y: footerY, width: w, style: small))
        pages.append(DocumentPage(paragraphs: current))
        return TextDocument(pages: pages)
    }

    /// The PDF's bytes, rendered through a scratch file in `scratch`.
    func pdf(scratch: URL) throws(PackError) -> Data {
        let file = scratch.appendingPathComponent("certificate-\(EntryName.slug(person.id.rawValue)).pdf")
        do {
            try document.write(
                to: file,
                metadata: PDFMetadata(title: "Certificate of attendance · Attestation de participation: \(person.name)")
            )
        } catch {
            throw .certificate(person: person.id, reason: "\(error)")
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .certificate(person: person.id, reason: "the PDF was not written")
        }
        try? FileManager.default.removeItem(at: file)
        return data
    }
}

import BarazaModel
import BarazaPDF
import Foundation

/// A bilingual certificate for one person, as A4 PDF: of attendance (the sessions they were recorded at), or of
/// registration (the sessions they signed up for or were on the programme of) when the workspace asks for that.
///
/// It says what it certifies in its title and in a closing line, and nothing it cannot stand behind: a
/// certificate of attendance exists only where attendance was recorded. Room at the top for the organiser's
/// logo, and at the foot for a signature line with the signatory's name and title in both languages.
struct Certificate {
    var person: Person
    var sessions: [Session]
    var workspace: Workspace
    var basis: CertificateSettings.Basis
    /// Where the attendance came from (a check-in file), named in the closing line of an attendance certificate.
    var recordedIn: String?
    /// The organiser's logo, already read and checked.
    var logo: DocumentImage?

    static let margin = 20.0
    static let width = 170.0
    /// Where the list of sessions stops on a page.
    static let pageBottom = 262.0
    /// Where the signature block starts on the last page (lower when the list runs past it), its height, and
    /// the lowest it may reach.
    static let signatureTop = 226.0
    static let signatureHeight = 48.0
    static let pageFoot = 282.0
    /// The name holds two lines at most, cut with "…" (so do titles): a hostile one costs what a long one does.
    static let nameStyle = TextStyle(
        size: TextStyle.millimetres(points: 18), weight: .bold, maxLines: 2, ellipsizes: true, alignment: .centred)
    /// Measures paragraphs so the page flows; one for every certificate (it serialises its calls).
    static let measurer = PangoTextMeasurer()
    /// The logo's box: centred at the top, at most 60 × 22 mm.
    static let logoFrame = Rect(x: 75, y: 14, width: 60, height: 22)

    /// The title, the phrase before the event, the list's heading and the closing line, in both languages.
    var wording: (title: String, titleFR: String, verb: String, heading: String, closing: String) {
        switch basis {
        case .attendance:
            let file = recordedIn.map { " (\($0))" } ?? ""
            return (
                "Certificate of attendance", "Attestation de participation", "took part in · a participé à",
                "Sessions attended (\(sessions.count)) · Séances suivies (\(sessions.count))",
                "Attendance recorded at check-in\(file). · Présence enregistrée à l'accueil des séances."
            )
        case .registration:
            return (
                "Certificate of registration", "Attestation d'inscription", "registered for · s'est inscrit·e à",
                "Sessions registered for (\(sessions.count)) · Séances choisies à l'inscription (\(sessions.count))",
                "This certificate attests registration, not attendance. · Cette attestation certifie l'inscription, "
                    + "non la présence."
            )
        }
    }

    var document: TextDocument {
        let event = workspace.event
        let measurer = Self.measurer
        let m = Self.margin
        let w = Self.width
        let title = TextStyle(
            size: TextStyle.millimetres(points: 20), weight: .bold, maxLines: .max, alignment: .centred)
        let centred = TextStyle(size: TextStyle.millimetres(points: 12), maxLines: .max, alignment: .centred)
        let name = Self.nameStyle
        let eventLine = TextStyle(
            size: TextStyle.millimetres(points: 12), maxLines: 2, ellipsizes: true, alignment: .centred)
        let body = TextStyle(size: TextStyle.millimetres(points: 10), maxLines: 4, ellipsizes: true, lineHeight: 1.3)
        let words = wording

        var current: [Paragraph] = []
        var y = logo == nil ? 22.0 : Self.logoFrame.maxY + 8
        // Adds a paragraph at the current height and moves down by the measured height of its plain text.
        func add(_ content: Markup, plain: String, style: TextStyle, gap: Double) {
            current.append(Paragraph(content, x: m, y: y, width: w, style: style))
            y += measurer.measure(plain, style: style, boxWidth: w).height + gap
        }
        add(.text(words.title), plain: words.title, style: title, gap: 1.5)
        add(.italic(.text(words.titleFR)), plain: words.titleFR, style: centred, gap: 11)
        add(.text("This certifies that · Nous certifions que"), plain: "This certifies that", style: centred, gap: 3)
        let personName = name.visiblePart(of: person.name, width: w)
        add(.text(personName), plain: personName, style: name, gap: 4)
        add(.text(words.verb), plain: words.verb, style: centred, gap: 3)
        let english = eventLine.visiblePart(of: event.title.english ?? event.title.bilingual, width: w)
        add(.bold(.text(english)), plain: english, style: eventLine, gap: 1)
        if let french = event.title.french, french != event.title.english {
            let shown = eventLine.visiblePart(of: french, width: w)
            add(.italic(.text(shown)), plain: shown, style: eventLine, gap: 1)
        }
        let city = workspace.venues.compactMap(\.city).first
        let dates = "\(event.firstDay.iso8601) – \(event.lastDay.iso8601)" + (city.map { ", \($0)" } ?? "")
        add(.text(dates), plain: dates, style: centred, gap: 9)
        add(.bold(.text(words.heading)), plain: words.heading, style: body, gap: 3)

        var pages: [DocumentPage] = []
        var images = logo.map { [PlacedImage($0, in: Self.logoFrame)] } ?? []
        for session in sessions {
            let line =
                "\(session.start.local.date.iso8601) \(session.start.local.time)–\(session.end.local.time) (\(session.zone.identifier))"
            let text = body.visiblePart(of: session.title.bilingual, width: w)
            let height = measurer.measure(line + "\n" + text, style: body, boxWidth: w).height + 2.2
            if y + height > Self.pageBottom {
                pages.append(DocumentPage(paragraphs: current, images: images))
                images = []
                current = []
                y = 20
                let shown = TextStyle(size: body.size, maxLines: 1).visiblePart(of: person.name, width: w / 2)
                add(
                    .bold(.text("\(shown): \(words.heading) (continued · suite)")),
                    plain: "\(shown): \(words.heading) (continued · suite)", style: body, gap: 3)
            }
            current.append(Paragraph(.bold(.text(line)) + .text("\n" + text), x: m, y: y, width: w, style: body))
            y += height
        }

        // The signature and the closing lines sit at the foot of the last page, or atop a page of their own.
        var top = max(y + 6, Self.signatureTop)
        if top + Self.signatureHeight > Self.pageFoot {
            pages.append(DocumentPage(paragraphs: current, images: images))
            images = []
            current = []
            top = 24
        }
        let (paragraphs, rules) = signatureBlock(top: top)
        current += paragraphs
        pages.append(DocumentPage(paragraphs: current, images: images, rules: rules))
        return TextDocument(pages: pages)
    }

    /// The signature line on the right with the signatory's name and title under it, and on the left who issues
    /// the certificate, when, its reference and what it certifies.
    private func signatureBlock(top: Double) -> ([Paragraph], [Rect]) {
        let event = workspace.event
        let small = TextStyle(size: TextStyle.millimetres(points: 8.5), maxLines: 3, ellipsizes: true, lineHeight: 1.3)
        let signatureStyle = TextStyle(
            size: TextStyle.millimetres(points: 10), maxLines: 3, ellipsizes: true, alignment: .centred,
            lineHeight: 1.3)
        let line = Rect(x: 120, y: top + 18, width: 70, height: 0.3)
        var signatory = Markup.text("Signature")
        if let person = workspace.certificateSettings.signatory {
            signatory = .bold(.text(signatureStyle.visiblePart(of: person.name, width: 70)))
            if let title = person.title {
                let english = title.english ?? title.french ?? ""
                let french = title.french ?? english
                let both = english == french ? english : "\(english)\n\(french)"
                signatory = signatory + .text("\n" + signatureStyle.visiblePart(of: both, width: 70))
            }
        }
        let issuer =
            event.organizer.name.isEmpty
            ? "the organisers · les organisateurs" : small.visiblePart(of: event.organizer.name, width: 90)
        let issued = """
            Issued by · Délivré par : \(issuer)
            \(event.lastDay.iso8601)
            Reference · Référence : \(event.id.rawValue)/\(person.id.rawValue)
            """
        let paragraphs = [
            Paragraph(.text(issued), x: Self.margin, y: top + 10, width: 90, style: small),
            Paragraph(signatory, x: 120, y: top + 20, width: 70, style: signatureStyle),
            Paragraph(.italic(.text(wording.closing)), x: Self.margin, y: top + 44, width: Self.width, style: small),
        ]
        return (paragraphs, [line])
    }

    /// The PDF's bytes, rendered through a scratch file in `scratch`.
    func pdf(scratch: URL) throws(PackError) -> Data {
        let file = scratch.appendingPathComponent("certificate-\(EntryName.slug(person.id.rawValue)).pdf")
        let words = wording
        do {
            try document.write(
                to: file,
                metadata: PDFMetadata(
                    title:
                        "\(words.title) · \(words.titleFR): \(Self.nameStyle.visiblePart(of: person.name, width: Self.width))"
                ))
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

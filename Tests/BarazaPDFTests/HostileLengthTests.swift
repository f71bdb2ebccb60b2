import Foundation
import Testing

@testable import BarazaPDF

/// A measurer that records what it is asked to measure, around the real Pango one.
final class RecordingMeasurer: TextMeasuring, @unchecked Sendable {
    private let inner = PangoTextMeasurer()
    private let lock = NSLock()
    private var recorded: [Int] = []

    /// The length, in characters, of every text measured so far.
    var lengths: [Int] { lock.withLock { recorded } }

    func measure(_ text: String, style: TextStyle, boxWidth: Double) -> TextExtent {
        lock.withLock { recorded.append(text.count) }
        return inner.measure(text, style: style, boxWidth: boxWidth)
    }
}

/// Fitting costs what the box can show, not what the text holds: a 100,000-character name is measured as
/// often, and on as few characters, as a long real one. Counted, not timed, so the test holds on any machine.
@Suite("Text fitting with hostile lengths")
struct HostileLengthTests {
    static let realName = "Maria Fernanda da Conceição dos Santos Nhantumbo-Gonçalves"

    /// `count` characters of name-like words.
    static func longName(_ count: Int) -> String {
        let words = "Oluwaseun Adebayo Chukwuemeka Ngozi Mwangi Kariuki Tshabalala "
        return String(String(repeating: words, count: count / words.count + 1).prefix(count))
    }

    @Test("A 100,000-character name: a bounded number of measurements, each of at most what the card can show")
    func hundredThousandCharacters() throws {
        let name = Self.longName(100_000)
        let recording = RecordingMeasurer()
        let layout = BadgeLayout(card: SampleCards.card(name), measuredBy: recording)
        let limit = CardGeometry.name.visibleLimit(width: CardGeometry.textColumnWidth)
        #expect(limit < 1_000)
        #expect(recording.lengths.max()! <= limit + 1, "the measurer was handed \(recording.lengths.max()!) characters")
        #expect(recording.lengths.count <= 40, "\(recording.lengths.count) measurements")
        // What is drawn is as short: the renderer sets the placed text, with its own "…" after what could show.
        let placed = try #require(layout.text(.displayName))
        #expect(placed.text.count <= limit + 1)
        #expect(placed.text.hasSuffix("…"))
        #expect(placed.text.hasPrefix(String(name.prefix(limit))))
        #expect(placed.style.ellipsizes && placed.style.size == CardGeometry.name.smallest)
        // And it is laid out as the whole name would be: three lines at the smallest size, cut by Pango.
        let extent = PangoTextMeasurer().measure(placed.text, style: placed.style, boxWidth: placed.box.width)
        #expect(extent.isEllipsized && extent.lineCount == 3)
    }

    @Test("A long real name is measured whole, as before")
    func realNamesAreUntouched() throws {
        let recording = RecordingMeasurer()
        let layout = BadgeLayout(card: SampleCards.card(Self.realName), measuredBy: recording)
        #expect(layout.text(.displayName)?.text == Self.realName)
        #expect(recording.lengths.contains(Self.realName.count))
        let limit = CardGeometry.name.visibleLimit(width: CardGeometry.textColumnWidth)
        #expect(TextFitting.prefix(of: Self.realName, characters: limit) == nil)
    }

    @Test("One character of a million combining marks reaches Pango cut, not whole")
    func oneHugeCharacter() throws {
        let name = "A" + String(repeating: "\u{0301}", count: 1_000_000) + " Diallo"
        #expect(name.count == 8)
        let recording = RecordingMeasurer()
        let layout = BadgeLayout(card: SampleCards.card(name), measuredBy: recording)
        let placed = try #require(layout.text(.displayName))
        let limit = CardGeometry.name.visibleLimit(width: CardGeometry.textColumnWidth)
        #expect(placed.text.unicodeScalars.count <= limit * TextFitting.scalarsPerCharacter + 1)
        #expect(placed.text.hasSuffix("…"))
    }

    @Test("Every text element is bounded the same way: organisation, place, titles, role")
    func everyElementIsBounded() throws {
        let long = Self.longName(50_000)
        let card = BadgeCard(
            displayName: long, organisation: long, place: long, roleLabel: RoleLabel(english: long, french: long),
            roleColour: .black, eventTitle: long, secondaryTitle: long, qrPayload: "baraza:p:1")
        let recording = RecordingMeasurer()
        let layout = BadgeLayout(card: card, measuredBy: recording)
        #expect(recording.lengths.max()! < 2_000)
        #expect(recording.lengths.count <= 120)
        for text in layout.texts { #expect(text.text.count < 2_000, "\(text.element)") }
    }

    @Test("visiblePart keeps texts that could fit whole and cuts the rest with an ellipsis")
    func visiblePart() {
        let style = TextStyle(size: 6, maxLines: 2, ellipsizes: true)
        #expect(style.visiblePart(of: Self.realName, width: 170) == Self.realName)
        let cut = style.visiblePart(of: Self.longName(100_000), width: 170)
        #expect(cut.hasSuffix("…") && cut.count < 1_000)
        let unbounded = TextStyle(size: 4, maxLines: .max)
        #expect(unbounded.visiblePart(of: Self.longName(10_000_000), width: 170).count < 600_000)
    }

    @Test("A 100,000-character name renders to a PDF that holds only its visible part")
    func rendersBounded() throws {
        let scratch = try ScratchDirectory()
        let pdf = scratch.file("long.pdf")
        let name = Self.longName(100_000)
        try BadgeRenderer().render([SampleCards.card(name)], to: pdf, metadata: PDFMetadata(title: "Badges"))
        let text = try CommandLineTool.run("pdftotext", [pdf.path, "-"])
        #expect(text.contains("Oluwaseun"))
        #expect(text.count < 2_000)
    }
}

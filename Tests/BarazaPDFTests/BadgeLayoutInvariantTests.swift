import Testing

@testable import BarazaPDF

@Suite("Badge layout invariants over generated cards")
struct BadgeLayoutInvariantTests {
    /// Cards with names from one letter to well past two lines, long and missing organisations, mixed scripts.
    /// Generated from a fixed seed so failures reproduce.
    static let cards: [BadgeCard] = {
        let syllables = ["ka", "mé", "ndo", "ço", "wa", "ʼa", "si", "محمد", "lu", "bé", "tshi", "gon", "ã", "ye"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func words(_ count: Int) -> String {
            (0..<count).map { _ in (0..<(1 + next(4))).map { _ in syllables[next(syllables.count)] }.joined() }
                .joined(separator: " ")
        }
        return (0..<40).map { index in
            SampleCards.card(
                index == 0 ? "X" : words(1 + index / 3),
                organisation: index % 5 == 0 ? nil : words(1 + next(9)),
                place: index % 7 == 0 ? nil : words(1 + next(3)),
                payload: "baraza:p:\(index)")
        }
    }()

    static let measurer = PangoTextMeasurer()

    @Test("Boxes stay inside the card, text fits its box, nothing overlaps", arguments: cards)
    func invariants(card: BadgeCard) {
        let layout = BadgeLayout(card: card, measuredBy: Self.measurer)
        let bounds = BadgeLayout.cardBounds
        #expect(bounds.contains(layout.qrCode))
        for (index, text) in layout.texts.enumerated() {
            #expect(bounds.contains(text.box), "\(text.element) leaves the card")
            let extent = Self.measurer.measure(text.text, style: text.style, boxWidth: text.box.width)
            #expect(extent.width <= text.box.width + 1e-6 && extent.height <= text.box.height + 1e-6)
            #expect(extent.lineCount <= text.style.maxLines)
            #expect(!text.box.overlaps(layout.qrCode), "\(text.element) overlaps the QR code")
            for other in layout.texts[(index + 1)...] {
                #expect(!text.box.overlaps(other.box), "\(text.element) overlaps \(other.element)")
            }
        }
        let name = layout.text(.displayName)
        #expect(name.map { $0.style.size >= 4 && $0.style.size <= 9 } == true)
    }
}

import Testing

@testable import BarazaPDF

@Suite("Badge layout with Pango measurements")
struct BadgeLayoutTests {
    static let measurer = PangoTextMeasurer()

    static let names = [
        SampleCards.shortName, SampleCards.arabicName, SampleCards.accentedName, SampleCards.veryLongName,
    ]

    @Test("Every box lies inside the card, and text fits its box at its final size", arguments: names)
    func boxesInsideCard(name: String) {
        let layout = BadgeLayout(card: SampleCards.card(name), measuredBy: Self.measurer)
        let card = BadgeLayout.cardBounds
        #expect(card.contains(layout.qrCode))
        #expect(card.contains(layout.band))
        #expect(card.contains(layout.accentRule))
        #expect(layout.texts.count == 5)
        for text in layout.texts {
            #expect(card.contains(text.box), "\(text.element) box \(text.box) leaves the card")
            let extent = Self.measurer.measure(text.text, style: text.style, boxWidth: text.box.width)
            #expect(extent.width <= text.box.width + 1e-6, "\(text.element) is wider than its box")
            #expect(extent.height <= text.box.height + 1e-6, "\(text.element) is taller than its box")
            #expect(extent.lineCount <= text.style.maxLines, "\(text.element) has too many lines")
        }
    }

    @Test("The QR code overlaps no text, and texts do not overlap each other", arguments: names)
    func nothingOverlaps(name: String) {
        let layout = BadgeLayout(card: SampleCards.card(name), measuredBy: Self.measurer)
        for (index, text) in layout.texts.enumerated() {
            #expect(!text.box.overlaps(layout.qrCode), "\(text.element) overlaps the QR code")
            for other in layout.texts[(index + 1)...] {
                #expect(!text.box.overlaps(other.box), "\(text.element) overlaps \(other.element)")
            }
        }
        // The role sits in the band, everything else stays out of it.
        for text in layout.texts {
            if text.element == .role {
                #expect(layout.band.contains(text.box))
            } else {
                #expect(!text.box.overlaps(layout.band), "\(text.element) runs into the band")
            }
        }
    }

    @Test("A short name is set at the largest size on one line")
    func shortNameIsLarge() throws {
        let name = try #require(
            BadgeLayout(card: SampleCards.card("Ali"), measuredBy: Self.measurer)
                .text(.displayName))
        #expect(name.style.size == 9)
        #expect(name.style.maxLines == 1)
        #expect(!name.style.ellipsizes)
    }

    @Test("The accented name wraps onto two lines without being cut")
    func accentedNameWraps() throws {
        let layout = BadgeLayout(card: SampleCards.card(SampleCards.accentedName), measuredBy: Self.measurer)
        let name = try #require(layout.text(.displayName))
        let extent = Self.measurer.measure(name.text, style: name.style, boxWidth: name.box.width)
        #expect(extent.lineCount == 2)
        #expect(!extent.isEllipsized)
        #expect(name.style.size >= 4 && name.style.size <= 5.5)
    }

    @Test("The Arabic name is shaped whole, without an ellipsis")
    func arabicNameIsNotCut() throws {
        let layout = BadgeLayout(card: SampleCards.card(SampleCards.arabicName), measuredBy: Self.measurer)
        let name = try #require(layout.text(.displayName))
        let extent = Self.measurer.measure(name.text, style: name.style, boxWidth: name.box.width)
        #expect(!extent.isEllipsized)
        #expect(name.style.size >= 4)
    }

    @Test("A very long name is cut with an ellipsis at the smallest size, on three lines at most")
    func veryLongNameIsEllipsized() throws {
        let layout = BadgeLayout(card: SampleCards.card(SampleCards.veryLongName), measuredBy: Self.measurer)
        let name = try #require(layout.text(.displayName))
        #expect(name.style.size == 4)
        #expect(name.style.ellipsizes)
        let extent = Self.measurer.measure(name.text, style: name.style, boxWidth: name.box.width)
        #expect(extent.isEllipsized)
        #expect(extent.lineCount <= 3)
    }

    @Test("A name too long for two lines at the smallest size takes a third line instead of an ellipsis")
    func longNameTakesThreeLines() throws {
        let name = "Maria Fernanda da Conceição dos Santos Nhantumbo-Gonçalves"
        let card = SampleCards.card(
            name, organisation: "Conselho Municipal da Cidade da Matola, Direcção de Planeamento Territorial",
            place: "Matola, Moçambique")
        let layout = BadgeLayout(card: card, measuredBy: Self.measurer)
        let placed = try #require(layout.text(.displayName))
        let extent = Self.measurer.measure(placed.text, style: placed.style, boxWidth: placed.box.width)
        #expect(extent.lineCount == 3)
        #expect(!extent.isEllipsized)
        #expect(placed.style.size >= 4)
        #expect(BadgeLayout.cardBounds.contains(placed.box))
    }

    @Test("Missing organisation and place leave no boxes behind")
    func optionalLinesOmitted() {
        let card = SampleCards.card("Kofi Mensah", organisation: nil, place: "  ")
        let layout = BadgeLayout(card: card, measuredBy: Self.measurer)
        #expect(layout.text(.organisation) == nil)
        #expect(layout.text(.place) == nil)
        #expect(layout.texts.count == 3)
    }

    @Test("Role text is dark on a light band and white on a dark one")
    func roleTextContrast() throws {
        var card = SampleCards.card("Ali")
        card.roleColour = RGBColour(hex: 0xF2B705)
        let onYellow = try #require(BadgeLayout(card: card, measuredBy: Self.measurer).text(.role))
        card.roleColour = RGBColour(hex: 0x1F5FA8)
        let onBlue = try #require(BadgeLayout(card: card, measuredBy: Self.measurer).text(.role))
        #expect(onYellow.colour.luminance < 0.1)
        #expect(onBlue.colour == .white)
    }
}

@Suite("Text fitting rules, with a typewriter measurer")
struct TextFittingTests {
    // 0.5 em a character, 1.25 em a line; fits a 50 mm wide, 20 mm high box.
    let rule = TextFitting(largest: 9, smallestOnOneLine: 5.5, smallest: 4, maxLines: 2, weight: .bold)
    let measurer = FixedAdvanceMeasurer()

    @Test("Fits at the largest size when it can")
    func largest() {
        // 10 characters × 4.5 mm = 45 mm.
        let fitted = rule.fit("ABCDEFGHIJ", width: 50, maxHeight: 20, measurer: measurer)
        #expect(fitted.style == TextStyle(size: 9, weight: .bold))
    }

    @Test("Shrinks on one line to the largest quarter-millimetre size that fits")
    func shrinks() {
        // 16 characters: 50 / (16 × 0.5) = 6.25 mm.
        let fitted = rule.fit("ABCDEFGHIJKLMNOP", width: 50, maxHeight: 20, measurer: measurer)
        #expect(fitted.style.size == 6.25)
        #expect(fitted.style.maxLines == 1)
    }

    @Test("Wraps to two lines once one line would go below its minimum")
    func wraps() {
        // Two words of 12: one line needs 50 / (25 × 0.5) = 4 mm < 5.5, two lines fit at 5.5 mm
        // (12 × 2.75 = 33 mm wide, 2 × 6.875 = 13.75 mm high).
        let fitted = rule.fit("ABCDEFGHIJKL ABCDEFGHIJKL", width: 50, maxHeight: 20, measurer: measurer)
        #expect(fitted.style.size == 5.5)
        #expect(fitted.style.maxLines == 2)
        #expect(fitted.extent.lineCount == 2)
        #expect(!fitted.style.ellipsizes)
    }

    @Test("Ellipsizes only when two lines at the smallest size cannot hold it")
    func ellipsizes() {
        let long = Array(repeating: "ABCDEFGHIJ", count: 8).joined(separator: " ")
        let fitted = rule.fit(long, width: 50, maxHeight: 20, measurer: measurer)
        #expect(fitted.style.size == 4)
        #expect(fitted.style.ellipsizes)
        #expect(fitted.extent.isEllipsized)
        #expect(fitted.extent.lineCount == 2)
    }

    @Test("With three lines allowed, two at a smaller size come before three at a larger one")
    func prefersFewerLines() {
        let rule = TextFitting(largest: 9, smallestOnOneLine: 5.5, smallest: 4, maxLines: 3, weight: .bold)
        // Three words of 12: 3 lines from 5.5 mm (18 characters a line), 2 lines only at 4 mm (25 a line).
        let three = Array(repeating: "ABCDEFGHIJKL", count: 3).joined(separator: " ")
        let fitted = rule.fit(three, width: 50, maxHeight: 30, measurer: measurer)
        #expect(fitted.style.size == 4)
        #expect(fitted.extent.lineCount == 2)
        // Five words of 12: two lines cannot hold them even at 4 mm; three can, uncut.
        let five = Array(repeating: "ABCDEFGHIJKL", count: 5).joined(separator: " ")
        let wrapped = rule.fit(five, width: 50, maxHeight: 30, measurer: measurer)
        #expect(wrapped.style.maxLines == 3)
        #expect(wrapped.extent.lineCount == 3)
        #expect(!wrapped.style.ellipsizes)
    }

    @Test("Takes fewer lines when the box is too low for two at the smallest size")
    func lowBox() {
        let long = Array(repeating: "ABCDEFGHIJ", count: 8).joined(separator: " ")
        let fitted = rule.fit(long, width: 50, maxHeight: 6, measurer: measurer)
        #expect(fitted.style.maxLines == 1)
        #expect(fitted.extent.height <= 6)
    }
}

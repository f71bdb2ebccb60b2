/// Where everything on one 90 × 55 mm badge goes, in card coordinates (millimetres, top-left origin).
///
/// Computed by `BadgeLayout.init(card:measuredBy:)` from text measurements alone, so it can be checked
/// without rendering: every box lies inside the card, text never overflows its box, and the QR code
/// overlaps no text.
public struct BadgeLayout: Sendable, Hashable {
    /// The card's outline, 90 × 55 mm, at the origin.
    public static let cardBounds = CardGeometry.card
    /// The least distance, in millimetres, between any text box and the QR code (more than the symbol's quiet
    /// zone of four modules).
    public static let qrClearance = CardGeometry.qrClearance
    /// The area the name, organisation and place are drawn in, clipped: it ends `qrClearance` before the QR code.
    public static let textArea = CardGeometry.textArea

    /// Text elements present on the card (organisation and place are left out when empty).
    public var texts: [PlacedText]
    /// The coloured band holding the role; it runs to the card's left, right and bottom edges.
    public var band: Rect
    /// The stripe along the top of the band in the second role's colour, when the card prints two roles.
    public var secondRoleStripe: Rect?
    /// The thin rule in the role colour under the event title.
    public var accentRule: Rect
    /// The square the QR symbol fills (modules only; the space around it is its quiet zone).
    public var qrCode: Rect
    /// Colour of the band and the rule.
    public var roleColour: RGBColour
    /// Colour of the second role's stripe.
    public var secondRoleColour: RGBColour?

    /// The placed text for `element`, if the card has it.
    public func text(_ element: BadgeElement) -> PlacedText? {
        texts.first { $0.element == element }
    }

    /// Lays out `card`, measuring text with `measurer`.
    ///
    /// The name starts at 9 mm (about 25 pt) and shrinks to 5.5 mm on one line; a name still too wide
    /// wraps onto two lines, shrinking from 5.5 mm to 4 mm, then onto three; only then is it cut with "…".
    /// Organisation
    /// (two lines at most) and place (one line) take their room first, the name gets what is left.
    public init(card: BadgeCard, measuredBy measurer: some TextMeasuring) {
        typealias G = CardGeometry
        band = G.band
        accentRule = G.accentRule
        qrCode = G.qrCode
        roleColour = card.roleColour
        secondRoleColour = card.secondRoleColour
        secondRoleStripe = card.secondRoleColour == nil ? nil : G.secondRoleStripe
        var texts: [PlacedText] = []

        let titleWidth = G.card.width - 2 * G.padding
        texts += Self.titles(card, width: titleWidth, measurer: measurer)

        let roleText = card.roleLabel.bilingual
        // Under a second role's stripe, the role is centred in what is left of the band.
        let roleTop = card.secondRoleColour == nil ? G.band.y : G.secondRoleStripe.maxY
        let roleHeight = G.band.maxY - roleTop
        let role = G.role.fit(roleText, width: titleWidth, maxHeight: roleHeight - 2, measurer: measurer)
        texts.append(
            PlacedText(
                element: .role, text: role.text,
                box: Rect(
                    x: G.padding, y: roleTop + (roleHeight - role.extent.height) / 2,
                    width: titleWidth, height: role.extent.height),
                style: role.style,
                colour: card.roleColour.luminance > 0.45 ? G.nameColour : .white))

        // The stack under the header: name, organisation, place, centred as a block. Organisation and place
        // are fitted first; the name gets the height that is left.
        let columnWidth = G.textColumnWidth
        let contentHeight = G.contentBottom - G.contentTop
        var lower: [(element: BadgeElement, fitted: TextFitting.Fitted, colour: RGBColour)] = []
        if let organisation = Self.present(card.organisation) {
            let fitted = G.organisation.fit(organisation, width: columnWidth, maxHeight: 10, measurer: measurer)
            lower.append((.organisation, fitted, G.organisationColour))
        }
        if let place = Self.present(card.place) {
            let fitted = G.place.fit(place, width: columnWidth, maxHeight: 5, measurer: measurer)
            lower.append((.place, fitted, G.placeColour))
        }
        let gapAfterName = lower.isEmpty ? 0 : G.gapAfterName
        let gapsBelow = Double(max(lower.count - 1, 0)) * G.gapAfterOrganisation
        let lowerHeight = lower.reduce(gapsBelow) { $0 + $1.fitted.extent.height }
        let name = G.name.fit(
            card.displayName, width: columnWidth, maxHeight: contentHeight - lowerHeight - gapAfterName,
            measurer: measurer)
        let stack = [(BadgeElement.displayName, name, G.nameColour)] + lower

        let stackHeight = name.extent.height + gapAfterName + lowerHeight
        var y = G.contentTop + max(0, (contentHeight - stackHeight) / 2)
        for (element, fitted, colour) in stack {
            // A box narrowed to balance wrapped lines keeps to the side the text starts from.
            let rightAligned = fitted.extent.isRightToLeft && fitted.style.alignment == .natural
            let x = rightAligned ? G.textColumnX + columnWidth - fitted.width : G.textColumnX
            texts.append(
                PlacedText(
                    element: element, text: fitted.text,
                    box: Rect(x: x, y: y, width: fitted.width, height: fitted.extent.height),
                    style: fitted.style, colour: colour))
            y += fitted.extent.height + (element == .displayName ? gapAfterName : G.gapAfterOrganisation)
        }
        self.texts = texts
    }

    /// The title at the top: both languages on one line ("English · Français") when they fit it uncut at the
    /// title's smallest size; else each language on a line of its own, both at the same size; one language alone
    /// as one line.
    private static func titles(_ card: BadgeCard, width: Double, measurer: some TextMeasuring) -> [PlacedText] {
        typealias G = CardGeometry
        func placed(_ element: BadgeElement, _ fitted: TextFitting.Fitted, y: Double) -> PlacedText {
            PlacedText(
                element: element, text: fitted.text,
                box: Rect(x: G.padding, y: y, width: width, height: fitted.extent.height), style: fitted.style,
                colour: G.titleColour)
        }
        let second = present(card.secondaryTitle).flatMap { $0 == card.eventTitle ? nil : $0 }
        let joined = second.map { "\(card.eventTitle) · \($0)" } ?? card.eventTitle
        let title = G.title.fit(joined, width: width, maxHeight: G.titleMaxHeight, measurer: measurer)
        guard let second, title.style.ellipsizes else { return [placed(.eventTitle, title, y: G.titleTop)] }

        let lines = [card.eventTitle, second].map {
            G.titleLine.fit($0, width: width, maxHeight: G.titleMaxHeight, measurer: measurer)
        }
        let size = lines.map(\.style.size).min()!
        let fitting = TextFitting(
            largest: size, smallestOnOneLine: size, smallest: size, maxLines: 1, weight: G.titleLine.weight)
        let first = fitting.fit(card.eventTitle, width: width, maxHeight: G.titleMaxHeight, measurer: measurer)
        let other = fitting.fit(second, width: width, maxHeight: G.titleMaxHeight, measurer: measurer)
        let height = first.extent.height + other.extent.height
        let top = G.twoLineTitleTop + max(0, (G.twoLineTitleBottom - G.twoLineTitleTop - height) / 2)
        return [placed(.eventTitle, first, y: top), placed(.secondaryTitle, other, y: top + first.extent.height)]
    }

    /// `text` unless it is missing or blank.
    private static func present(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }
}

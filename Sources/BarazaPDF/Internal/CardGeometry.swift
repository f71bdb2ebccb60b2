/// The fixed grid of a 90 × 55 mm badge, in millimetres from the card's top-left corner.
///
/// Text column on the left, QR code on the right, both centred vertically between the header rule and the
/// role band; the band runs to the card's edges so a slightly off cut shows no white sliver on its sides.
enum CardGeometry {
    static let card = Rect(x: 0, y: 0, width: 90, height: 55)
    static let padding = 4.0

    static let titleTop = 3.6
    static let titleMaxHeight = 4.6
    /// A title in two languages that do not share one line: one line each, from here down to the rule.
    static let twoLineTitleTop = 2.0
    static let twoLineTitleBottom = 8.8
    static let accentRule = Rect(x: padding, y: 9.0, width: 90 - 2 * padding, height: 0.5)

    static let band = Rect(x: 0, y: 44, width: 90, height: 11)
    /// A second printed role shows as a stripe of its colour along the top of the band.
    static let secondRoleStripe = Rect(x: 0, y: 44, width: 90, height: 1.6)

    /// Between the header rule and the band, with breathing room on both sides.
    static let contentTop = 11.0
    static let contentBottom = 41.5

    /// 22 mm holds a version 3 symbol (29 modules) at 0.76 mm a module, easy for a phone at arm's length.
    static let qrSide = 22.0
    /// The least distance between the text column and the QR code: more than the symbol's quiet zone of four
    /// modules (3.0 mm at 0.76 mm a module), so scanners find the code's edge beside the longest name.
    static let qrClearance = 3.5
    static var qrCode: Rect {
        Rect(
            x: card.maxX - padding - qrSide,
            y: contentTop + (contentBottom - contentTop - qrSide) / 2,
            width: qrSide, height: qrSide)
    }

    static var textColumnX: Double { padding }
    static var textColumnWidth: Double { qrCode.x - qrClearance - padding }

    /// Where the name, organisation and place may leave ink: the column, up to the clearance beside the QR code.
    /// Drawing clips to it, so a glyph that overhangs its advance (a swash, a stack of accents) cannot reach the
    /// code however the name was written.
    static var textArea: Rect {
        Rect(x: 0, y: accentRule.maxY, width: qrCode.x - qrClearance, height: band.y - accentRule.maxY)
    }

    static let gapAfterName = 1.8
    static let gapAfterOrganisation = 0.6

    static let title = TextFitting(
        largest: 2.9, smallestOnOneLine: 2.4, smallest: 2.4, maxLines: 1, weight: .semibold)
    /// Each line of a title in two languages.
    static let titleLine = TextFitting(
        largest: 2.4, smallestOnOneLine: 2.2, smallest: 2.2, maxLines: 1, weight: .semibold)
    /// Two lines hold almost every name; a third keeps a long Portuguese or Beninese name whole (family name
    /// included) rather than cutting it with "…".
    static let name = TextFitting(
        largest: 9, smallestOnOneLine: 5.5, smallest: 4, maxLines: 3, weight: .bold,
        wrappedLineHeight: 1.3)
    static let organisation = TextFitting(
        largest: 3.5, smallestOnOneLine: 3.0, smallest: 2.8, maxLines: 2, weight: .regular,
        wrappedLineHeight: 1.3)
    static let place = TextFitting(
        largest: 3.1, smallestOnOneLine: 2.6, smallest: 2.6, maxLines: 1, weight: .regular)
    static let role = TextFitting(
        largest: 4.2, smallestOnOneLine: 3.0, smallest: 3.0, maxLines: 1, weight: .bold)

    static let nameColour = RGBColour(hex: 0x111111)
    static let organisationColour = RGBColour(hex: 0x333333)
    static let placeColour = RGBColour(hex: 0x5A5A5A)
    static let titleColour = RGBColour(hex: 0x444444)
}

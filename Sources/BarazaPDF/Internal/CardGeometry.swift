/// The fixed grid of a 90 × 55 mm badge, in millimetres from the card's top-left corner.
///
/// Text column on the left, QR code on the right, both centred vertically between the header rule and the
/// role band; the band runs to the card's edges so a slightly off cut shows no white sliver on its sides.
enum CardGeometry {
    static let card = Rect(x: 0, y: 0, width: 90, height: 55)
    static let padding = 4.0

    static let titleTop = 3.6
    static let titleMaxHeight = 4.6
    static let accentRule = Rect(x: padding, y: 9.0, width: 90 - 2 * padding, height: 0.5)

    static let band = Rect(x: 0, y: 44, width: 90, height: 11)

    /// Between the header rule and the band, with breathing room on both sides.
    static let contentTop = 11.0
    static let contentBottom = 41.5

    /// 22 mm holds a version 3 symbol (29 modules) at 0.76 mm a module, easy for a phone at arm's length.
    static let qrSide = 22.0
    static let qrGap = 3.5
    static var qrCode: Rect {
        Rect(
            x: card.maxX - padding - qrSide,
            y: contentTop + (contentBottom - contentTop - qrSide) / 2,
            width: qrSide, height: qrSide)
    }

    static var textColumnX: Double { padding }
    static var textColumnWidth: Double { qrCode.x - qrGap - padding }

    static let gapAfterName = 1.8
    static let gapAfterOrganisation = 0.6

    static let title = TextFitting(
        largest: 2.9, smallestOnOneLine: 2.4, smallest: 2.4, maxLines: 1, weight: .semibold)
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

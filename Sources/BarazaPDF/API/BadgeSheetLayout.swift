/// How badges are arranged on paper.
public enum BadgeSheetLayout: Sendable, Hashable, CaseIterable {
    /// A4 portrait, two columns by four rows of 90 × 55 mm cards at actual size, centred, 10 mm apart,
    /// with crop marks outside each card's corners for cutting with a guillotine or a craft knife.
    case a4Sheet8
    /// One card per A6 landscape page (148 × 105 mm), scaled by 1.5 to 135 × 82.5 mm and centred, for A6
    /// badge pouches. The page is the insert, so there are no crop marks; 6.5 mm and 11.25 mm margins
    /// stay clear of printers' unprintable edges.
    case a6

    /// Page size.
    public var pageSize: Size {
        switch self {
        case .a4Sheet8: .a4
        case .a6: .a6Landscape
        }
    }

    /// Cards on one page.
    public var cardsPerPage: Int { placements.count }

    /// Whether crop marks are drawn around each card.
    public var hasCropMarks: Bool { self == .a4Sheet8 }

    /// Where each card of a page goes: its top-left corner on the page and its scale, in reading order.
    public var placements: [CardPlacement] {
        let card = BadgeLayout.cardBounds
        switch self {
        case .a4Sheet8:
            let gutter = 10.0
            let columns = 2
            let rows = 4
            let usedWidth = Double(columns) * card.width + Double(columns - 1) * gutter
            let usedHeight = Double(rows) * card.height + Double(rows - 1) * gutter
            let left = (pageSize.width - usedWidth) / 2
            let top = (pageSize.height - usedHeight) / 2
            return (0..<rows).flatMap { row in
                (0..<columns).map { column in
                    CardPlacement(
                        x: left + Double(column) * (card.width + gutter),
                        y: top + Double(row) * (card.height + gutter),
                        scale: 1)
                }
            }
        case .a6:
            let scale = 1.5
            return [
                CardPlacement(
                    x: (pageSize.width - card.width * scale) / 2,
                    y: (pageSize.height - card.height * scale) / 2,
                    scale: scale)
            ]
        }
    }
}

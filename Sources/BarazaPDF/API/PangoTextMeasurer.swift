import Foundation

/// Measures text with Pango exactly as `BadgeRenderer` and `TextDocument` set it.
///
/// Safe to share between tasks: calls are serialised on one Pango context.
public struct PangoTextMeasurer: TextMeasuring {
    /// The family list given to Pango; fontconfig falls back through it for scripts the first lacks.
    public let fontFamily: String
    private let typesetter: LockedTypesetter

    /// A measurer for `fontFamily` (a comma-separated family list, as in CSS).
    public init(fontFamily: String = PangoTextMeasurer.defaultFontFamily) {
        self.fontFamily = fontFamily
        self.typesetter = LockedTypesetter(fontFamily: fontFamily)
    }

    /// Noto Sans first, then its Arabic companion, then whatever sans-serif fontconfig has.
    public static let defaultFontFamily = "Noto Sans, Noto Sans Arabic, sans-serif"

    public func measure(_ text: String, style: TextStyle, boxWidth: Double) -> TextExtent {
        typesetter.withTypesetter { typesetter in
            let layout = typesetter.makeLayout(text, style: style, boxWidth: boxWidth)
            defer { typesetter.release(layout) }
            return typesetter.extent(of: layout)
        }
    }
}

/// A typesetter behind a lock, so a measurer can be `Sendable`.
///
/// `@unchecked` because the lock, not the type system, keeps the Pango context to one thread at a time.
private final class LockedTypesetter: @unchecked Sendable {
    private let lock = NSLock()
    private let typesetter: Typesetter

    init(fontFamily: String) {
        typesetter = Typesetter(fontFamily: fontFamily)
    }

    func withTypesetter<Result>(_ body: (Typesetter) -> Result) -> Result {
        lock.withLock { body(typesetter) }
    }
}

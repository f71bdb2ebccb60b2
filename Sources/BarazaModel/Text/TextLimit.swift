/// The longest text a field may hold where data enters Baraza (workspace files, registration imports), counted
/// in Unicode scalars (code points).
///
/// Scalars rather than user-perceived characters: a single character may stack any number of combining marks, so
/// only a scalar count bounds what rendering, fitting and storing a text costs. Scalars rather than bytes: a name
/// in Amharic or Chinese (three bytes a letter in UTF-8) gets the same room as one in French. The workspace
/// loader refuses a longer value; the registration importer keeps its beginning and reports the cut.
public struct TextLimit: Sendable, Hashable, CustomStringConvertible {
    /// The most Unicode scalars allowed.
    public let scalars: Int
    /// What the limit is for, as error messages name it (`an email address`).
    public let kind: String

    /// A limit of `scalars`, described as `kind`.
    public init(scalars: Int, kind: String) {
        self.scalars = scalars
        self.kind = kind
    }

    /// Names, titles, organisations, cities, places, addresses, labels and list items: one line of text. The
    /// longest official names of cities and organisations run to about 200 characters; 500 leaves room for both
    /// languages of a title and stays cheap to fit on a badge.
    public static let line = TextLimit(scalars: 500, kind: "one line of text: a name, title, organisation...")

    /// Abstracts, bios and other free text: about 3,000 words, six printed pages, more than any call for
    /// papers asks (abstracts run to 300 words, extended ones to 2,000).
    public static let longText = TextLimit(scalars: 20_000, kind: "an abstract, bio or other free text")

    /// Email addresses: 254, the longest address SMTP can carry (RFC 5321 and its errata).
    public static let email = TextLimit(scalars: 254, kind: "an email address")

    /// Web addresses: 2,000, what browsers, mail clients and calendar apps reliably keep whole.
    public static let webAddress = TextLimit(scalars: 2_000, kind: "a web address")

    /// The largest single YAML value (scalar) in a workspace file, in UTF-8 bytes, whatever its field: the
    /// longest text limit at four bytes a scalar, rounded up. A larger value is refused while the file is
    /// parsed, before any of it is copied or decoded, so a hostile file costs its own size and no more.
    public static let maximumScalarBytes = 100_000

    /// `254 characters (an email address)`.
    public var description: String { "\(scalars) characters (\(kind))" }

    /// Whether `text` fits: its length in Unicode scalars is at most ``scalars``. Costs nothing for text whose
    /// UTF-8 length already fits (every scalar takes at least one byte).
    public func admits(_ text: some StringProtocol) -> Bool {
        text.utf8.count <= scalars || text.unicodeScalars.count <= scalars
    }
}

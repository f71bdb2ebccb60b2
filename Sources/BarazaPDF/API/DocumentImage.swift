import Foundation

/// A picture for a document page, such as an organiser's logo: PNG or SVG bytes, checked when made so that
/// drawing cannot fail later. SVG stays vector in the PDF.
///
/// The bytes are untrusted (a workspace file): at most `maximumBytes`, and a PNG at most `maximumPixels` on a
/// side, read before any pixel is decoded. An SVG is read by librsvg without a base address, so it cannot load
/// other files or anything from the network: only what the file itself holds is drawn.
public struct DocumentImage: Sendable, Hashable {
    /// The file formats a picture may have.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case png, svg
    }

    /// Largest file accepted: 5 MB, far above any logo.
    public static let maximumBytes = 5 * 1024 * 1024
    /// Largest PNG side accepted, in pixels: 4,000 (a 17 cm wide logo at 600 dpi).
    public static let maximumPixels = 4000

    /// The file's format.
    public let format: Format
    /// The file's bytes.
    public let data: Data
    /// The picture's natural width and height (pixels for PNG, CSS pixels for SVG), for its aspect ratio.
    public let naturalSize: Size

    /// A picture from a file's bytes.
    /// - Throws: `ImageError` for a file too large, not in `format`, or whose size cannot be known.
    public init(data: Data, format: Format) throws(ImageError) {
        guard data.count <= Self.maximumBytes else { throw .tooLarge(bytes: data.count) }
        self.format = format
        self.data = data
        switch format {
        case .png: naturalSize = try PNGStream.size(of: data)
        case .svg:
            naturalSize = try SVGDocument.size(of: data)
            guard SVGDocument.renders(data) else { throw .unreadable(format: .svg, detail: "librsvg cannot draw it") }
        }
    }

    /// The format a file name's extension names (`.png`, `.svg`, any case); nil for another.
    public static func format(ofFileNamed name: String) -> Format? {
        Format(rawValue: (name as NSString).pathExtension.lowercased())
    }
}

/// Why a picture cannot be used.
public enum ImageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file is larger than `DocumentImage.maximumBytes`.
    case tooLarge(bytes: Int)
    /// The PNG is wider or taller than `DocumentImage.maximumPixels`.
    case tooManyPixels(width: Int, height: Int)
    /// The bytes are not a picture in the format named; `detail` says what the decoder found.
    case unreadable(format: DocumentImage.Format, detail: String)

    public var description: String {
        switch self {
        case .tooLarge(let bytes):
            return "the file holds \(bytes) bytes; at most \(DocumentImage.maximumBytes) are read"
        case .tooManyPixels(let width, let height):
            return "the picture is \(width) × \(height) pixels; at most \(DocumentImage.maximumPixels) on a side"
        case .unreadable(let format, let detail):
            return "not a readable \(format.rawValue.uppercased()) file (\(detail))"
        }
    }
}

/// A picture on a document page: drawn as large as fits `frame` without distortion, centred in it.
public struct PlacedImage: Sendable, Hashable {
    /// The picture.
    public var image: DocumentImage
    /// The box it is fitted into, in millimetres from the page's top-left corner.
    public var frame: Rect

    /// A picture fitted into `frame`.
    public init(_ image: DocumentImage, in frame: Rect) {
        self.image = image
        self.frame = frame
    }

    /// Where the picture lands: `frame` shrunk on one axis to the picture's aspect ratio, centred.
    public var drawnFrame: Rect {
        let natural = image.naturalSize
        guard natural.width > 0, natural.height > 0 else { return frame }
        let scale = min(frame.width / natural.width, frame.height / natural.height)
        let width = natural.width * scale
        let height = natural.height * scale
        return Rect(
            x: frame.x + (frame.width - width) / 2, y: frame.y + (frame.height - height) / 2, width: width,
            height: height)
    }
}

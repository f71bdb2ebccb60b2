import CCairo
import Foundation
import Testing

/// A raster read from a PNG file, as grey levels (0 black to 255 white), row by row.
public struct GreyImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The PNG at `url`, decoded by Cairo; nil when it cannot be read.
    public init?(png url: URL) {
        guard let surface = cairo_image_surface_create_from_png(url.path) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        // Whatever the PNG's own format, paint it onto white as 32-bit RGB and read that.
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        guard let canvas = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            return nil
        }
        defer { cairo_surface_destroy(canvas) }
        let cairo = cairo_create(canvas)
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_set_source_surface(cairo, surface, 0, 0)
        cairo_paint(cairo)
        cairo_destroy(cairo)
        cairo_surface_flush(canvas)
        guard let data = cairo_image_surface_get_data(canvas) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(canvas))
        var pixels = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let pixel = row[x]
                let red = Double((pixel >> 16) & 0xFF)
                let green = Double((pixel >> 8) & 0xFF)
                let blue = Double(pixel & 0xFF)
                pixels[y * width + x] = UInt8((0.299 * red + 0.587 * green + 0.114 * blue).rounded())
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// The grey level at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// The image moved `dx` pixels right (white comes in from the left), for tests of the comparison itself.
    public func shifted(by dx: Int) -> GreyImage {
        var moved = [UInt8](repeating: 255, count: pixels.count)
        for y in 0..<height {
            for x in 0..<width where x - dx >= 0 && x - dx < width { moved[y * width + x] = self[x - dx, y] }
        }
        return GreyImage(width: width, height: height, pixels: moved)
    }

    /// How far two images of the same size differ: the share of pixels whose grey levels differ by more than
    /// `threshold` (anti-aliasing noise between machines stays under it). Nil when the sizes differ.
    public func differingShare(from other: GreyImage, threshold: Int = 64) -> Double? {
        guard width == other.width, height == other.height, !pixels.isEmpty else { return nil }
        var differing = 0
        for index in pixels.indices where abs(Int(pixels[index]) - Int(other.pixels[index])) > threshold {
            differing += 1
        }
        return Double(differing) / Double(pixels.count)
    }
}

/// Renders page `page` (1-based) of the PDF at `pdf` to a PNG at `dpi` with poppler's `pdftoppm`, beside it.
public func renderPage(_ pdf: URL, page: Int = 1, dpi: Int = 100) throws -> URL {
    let prefix = pdf.deletingPathExtension().path + "-page\(page)"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
    process.arguments = ["-r", "\(dpi)", "-png", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, prefix]
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: pdf.path])
    }
    return URL(fileURLWithPath: prefix + ".png")
}

/// Compares a rendered PNG with the committed golden image at `golden`: the same size, and at most
/// `tolerance` of the pixels (0.3 % by default) differing by more than a quarter of the grey scale. A layout
/// change (a name moved by half a millimetre, a line wrapped differently, a box gone) changes far more; font
/// rasterising noise changes far less.
///
/// With `RECORD_GOLDEN=1` the golden image is replaced by the rendering and an issue is recorded anyway, so a
/// recording run fails loudly: look at the new image, then run again without the switch.
public func assertImageGolden(
    _ rendered: URL, golden: URL, tolerance: Double = 0.003, sourceLocation: SourceLocation = #_sourceLocation
) {
    if isRecordingGolden {
        do {
            try FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: golden.path) { try FileManager.default.removeItem(at: golden) }
            try FileManager.default.copyItem(at: rendered, to: golden)
            Issue.record(
                "recorded golden image \(golden.path); look at it and run again without RECORD_GOLDEN",
                sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record golden image \(golden.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = GreyImage(png: golden) else {
        Issue.record(
            "missing golden image \(golden.path); record it with RECORD_GOLDEN=1 swift test",
            sourceLocation: sourceLocation)
        return
    }
    guard let actual = GreyImage(png: rendered) else {
        Issue.record("cannot read the rendering \(rendered.path)", sourceLocation: sourceLocation)
        return
    }
    guard let share = actual.differingShare(from: expected) else {
        let sizes = "\(actual.width) × \(actual.height) pixels, the golden image \(expected.width) × \(expected.height)"
        Issue.record("the rendering is \(sizes) (\(golden.path))", sourceLocation: sourceLocation)
        return
    }
    if share > tolerance {
        Issue.record(
            """
            \(rendered.lastPathComponent) differs from the golden image \(golden.path) in \
            \(String(format: "%.2f", share * 100)) % of its pixels (at most \(String(format: "%.2f", tolerance * 100)) % \
            allowed); the layout changed. Look at both; re-record with RECORD_GOLDEN=1 swift test if the change is meant.
            """, sourceLocation: sourceLocation)
    }
}

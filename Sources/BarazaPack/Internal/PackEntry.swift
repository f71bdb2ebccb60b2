import BarazaModel
import Foundation

/// One file of a pack before it is written: where its bytes come from and what the manifest says about it.
struct PackEntry: Sendable {
    enum Content: Sendable {
        /// Bytes made in memory (index, certificates, supplied inputs).
        case data(Data)
        /// A file streamed from disk in chunks.
        case file(path: String, size: Int64)
        /// Bytes made only when the zip is written, so thousands of planned personal packs do not each hold
        /// their index and attendance list in memory at once.
        case generated(@Sendable () -> Data)
        /// Bytes shared by many packs (the agenda page, the calendar, the attendance list), compressed and
        /// hashed once.
        case prepared(PreparedContent)
    }

    var path: String
    var content: Content
    var mediaType: String
    var session: Session.ID?
    var day: LocalDate?
    var tags: [String]
    var languages: [Language]

    var size: Int64 {
        switch content {
        case .data(let d): return Int64(d.count)
        case .file(_, let size): return size
        case .generated(let make): return Int64(make().count)
        case .prepared(let prepared): return Int64(prepared.data.count)
        }
    }

    /// Already-compressed formats are stored; text is deflated.
    var compresses: Bool { Self.compresses(mediaType) }

    static func compresses(_ mediaType: String) -> Bool {
        ["text/html", "text/plain", "text/markdown", "text/csv", "text/calendar", "application/json", "image/svg+xml"]
            .contains(mediaType)
    }

    static func mediaType(forFileName name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": return "application/pdf"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        case "md", "markdown": return "text/markdown"
        case "txt": return "text/plain"
        case "html", "htm": return "text/html"
        case "csv": return "text/csv"
        case "ics": return "text/calendar"
        case "json": return "application/json"
        case "pptx": return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case "docx": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xlsx": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "odp": return "application/vnd.oasis.opendocument.presentation"
        case "odt": return "application/vnd.oasis.opendocument.text"
        case "mp4": return "video/mp4"
        case "mp3": return "audio/mpeg"
        case "zip": return "application/zip"
        default: return "application/octet-stream"
        }
    }
}

/// What was written for one entry: its size and SHA-256, for the manifest.
struct WrittenEntry: Sendable {
    var entry: PackEntry
    var sha256: String
}

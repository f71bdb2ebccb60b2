import BarazaModel
import Foundation

/// `manifest.json`: every other file of the pack with its size, SHA-256 and what it is about, for a
/// knowledge hub to ingest. Keys are sorted and files listed in pack order, so the bytes are stable.
struct Manifest: Encodable {
    struct Title: Encodable {
        var en: String?
        var fr: String?
    }

    struct EventInfo: Encodable {
        var id: String
        var title: Title
        var firstDay: String
        var lastDay: String
        var zone: String
    }

    struct File: Encodable {
        var path: String
        var size: Int64
        var sha256: String
        var mediaType: String
        var session: String?
        var day: String?
        var tags: [String]
        var languages: [String]
    }

    var format = "baraza-pack/1"
    var event: EventInfo
    var audience: String
    var attendanceSource: String
    var absentInputs: [String]
    var files: [File]

    init(
        workspace: Workspace, audience: String, attendance: Attendance, absentInputs: [String],
        written: [WrittenEntry]
    ) {
        let e = workspace.event
        event = EventInfo(
            id: e.id.rawValue, title: Title(en: e.title.english, fr: e.title.french), firstDay: e.firstDay.iso8601,
            lastDay: e.lastDay.iso8601, zone: e.zone.identifier)
        self.audience = audience
        switch attendance.source {
        case .checkInFile(let f): attendanceSource = "check-in file \(f)"
        case .signUpsAndSpeakers: attendanceSource = "sign-ups and speaker lists (no check-in file)"
        }
        self.absentInputs = absentInputs
        files = written.map { w in
            File(
                path: w.entry.path, size: w.entry.size, sha256: w.sha256, mediaType: w.entry.mediaType,
                session: w.entry.session?.rawValue, day: w.entry.day?.iso8601, tags: w.entry.tags,
                languages: w.entry.languages.map(\.code))
        }
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        var data = try! encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

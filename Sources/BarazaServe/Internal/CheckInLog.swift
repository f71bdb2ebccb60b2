import BarazaFolder
import Foundation

/// The workspace's check-in file (`attendance.csv`, or the CSV named by `event.attendance`), appended to one scan at
/// a time under the workspace's exclusive lock.
///
/// Each scan is one `write(2)` of one whole row to a file opened with `O_APPEND`, then `fsync`: a crash loses at
/// most the row being written, and the rows before it stay as they were. A person already recorded at the session
/// is not recorded again: the answer names the time they were.
struct CheckInLog: Sendable {
    /// The workspace folder.
    var workspace: String
    /// The file, relative to the workspace.
    var fileName: String

    enum Outcome: Equatable, Sendable {
        /// A new row, at this wall time.
        case recorded(String)
        /// Already there, since this wall time (empty when the row has none).
        case already(String)
    }

    /// The header of a file the log creates.
    static let header = "person,session,time,device"

    /// Appends a row for `person` at `session`, at wall time `time`, scanned on `device`, unless they are there
    /// already. The row follows the file's own header: a file whose header has no `device` column (made by hand or
    /// by an earlier version) gets rows without it.
    func record(person: String, session: String, time: String, device: String) throws -> Outcome {
        let folder = try WorkspaceFolder(workspace)
        let lock = try WorkspaceLock.acquire(folder, .exclusive, waiting: LockWaiting(timeout: 10, notice: { _ in }))
        defer { lock.release() }
        let entry = try folder.resolve(fileName)
        let existing = entry.exists ? try folder.contents(of: entry, written: fileName) : Data()
        if let since = Self.recorded(person: person, session: session, in: existing) { return .already(since) }
        // Rows end as the file's first line does (CRLF from a spreadsheet, LF otherwise).
        let newline = existing.range(of: Data("\r\n".utf8)).map { _ in "\r\n" } ?? "\n"
        var text = ""
        var columns = Self.header.split(separator: ",").map(String.init)
        if existing.isEmpty {
            text = Self.header + newline
        } else {
            let head = String(decoding: existing.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            columns = head.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            }
            if existing.last != UInt8(ascii: "\n") { text = newline }
        }
        let values = ["person": person, "session": session, "time": time, "device": device]
        text += columns.map { values[$0] ?? "" }.joined(separator: ",") + newline
        let descriptor = open(entry.canonical, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ServeError.badStateFile(path: folder.display(fileName), reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw ServeError.badStateFile(path: folder.display(fileName), reason: String(cString: strerror(errno)))
        }
        return .recorded(time)
    }

    /// The time `person` was recorded at `session` in the CSV `data` (columns found by the header), if they were.
    static func recorded(person: String, session: String, in data: Data) -> String? {
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let head = lines.first else { return nil }
        let columns = head.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let p = columns.firstIndex(of: "person"), let s = columns.firstIndex(of: "session") else { return nil }
        let t = columns.firstIndex(of: "time")
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count > max(p, s), fields[p] == person, fields[s] == session else { continue }
            return t.flatMap { $0 < fields.count ? fields[$0] : nil } ?? ""
        }
        return nil
    }
}

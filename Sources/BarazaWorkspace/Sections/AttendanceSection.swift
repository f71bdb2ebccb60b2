import BarazaFolder
import BarazaModel
import Foundation

extension WorkspaceLoader {
    /// File names looked for, in order, when `event.yaml` names no `attendance:` file.
    public static let defaultCheckInFiles = ["attendance.csv", "attendance.yaml", "attendance.yml"]

    /// Reads the workspace's check-in file: the one `event.yaml` names under `attendance:`, else the first of
    /// `defaultCheckInFiles` present. Returns nil when there is none (attendance then comes from sign-ups).
    ///
    /// CSV files need a header row with `person` and `session` columns and may have `time` (a date-time
    /// `YYYY-MM-DDTHH:MM` or a time of day `HH:MM` on the session's start date, read in the session's zone);
    /// other columns are ignored. YAML files hold `attendance:` with a list of `{ person, session, time }`.
    /// - Throws: every bad row at once, each with file:line:column: unknown person or session ids, bad times,
    ///   malformed CSV quoting, a missing header column, a named file that does not exist or leaves the workspace.
    public func loadCheckIns(for workspace: Workspace) throws(WorkspaceLoadFailure) -> CheckInFile? {
        let folder: WorkspaceFolder
        do { folder = try WorkspaceFolder(workspace.path) } catch {
            throw WorkspaceLoadFailure(errors: [.unreadable(file: workspace.path, reason: error.reason)])
        }
        // Named or found by default, the file is resolved canonically: a `..` or a symbolic link that leads outside
        // the workspace is refused, and nothing outside is read.
        let entry: WorkspaceFolder.Entry
        let relative: String
        if let named = workspace.event.attendanceFile {
            relative = named
            do { entry = try folder.resolve(named) } catch {
                throw WorkspaceLoadFailure(errors: [
                    .invalidValue(
                        workspace.event.location, field: "event.attendance", found: named,
                        expected: "a path inside the workspace, relative to it (\(error.reason))")
                ])
            }
        } else {
            var found: (WorkspaceFolder.Entry, String)?
            for name in Self.defaultCheckInFiles {
                do {
                    let candidate = try folder.resolve(name)
                    if candidate.exists {
                        found = (candidate, name)
                        break
                    }
                } catch {
                    throw WorkspaceLoadFailure(errors: [.unreadable(file: folder.display(name), reason: error.reason)])
                }
            }
            guard let found else { return nil }
            (entry, relative) = found
        }
        let display = folder.display(relative)
        let diagnostics = Diagnostics()
        var rows: [CheckInRow] = []
        if relative.lowercased().hasSuffix(".csv") {
            let data: Data
            do { data = try folder.contents(of: entry, written: display) } catch {
                let reason = error == .notFound(display) ? "no such file or not readable" : error.reason
                throw WorkspaceLoadFailure(errors: [.unreadable(file: display, reason: reason)])
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw WorkspaceLoadFailure(errors: [notUTF8(data, file: display)])
            }
            rows = CheckInCSV.rows(text, file: display, diagnostics: diagnostics)
        } else {
            if let root = readFile(entry, in: folder, diagnostics: diagnostics),
                let f = root.fields(["attendance"], context: display)
            {
                for item in f.require("attendance", expected: "a list of `{ person, session, time }`")?.list() ?? [] {
                    guard let r = item.fields(["person", "session", "time"], context: item.path) else { continue }
                    let person = r.require("person", expected: "a person id")
                    let session = r.require("session", expected: "a session id")
                    guard let person, let session, let p = person.identifier(), let s = session.identifier() else {
                        continue
                    }
                    rows.append(
                        CheckInRow(
                            person: (p, person.location), session: (s, session.location),
                            time: r["time"].flatMap { t in t.string().map { ($0, t.location) } },
                            location: item.location))
                }
            }
        }
        var checkIns: [CheckIn] = []
        var seen: Set<[String]> = []
        for row in rows {
            let person = Person.ID(row.person.id)
            let sessionID = Session.ID(row.session.id)
            if workspace.peopleByID[person] == nil {
                diagnostics.report(
                    .invalidValue(
                        row.person.location, field: "person", found: row.person.id,
                        expected: "the id of a person defined in the workspace"))
            }
            guard let session = workspace.sessionsByID[sessionID] else {
                diagnostics.report(
                    .invalidValue(
                        row.session.location, field: "session", found: row.session.id,
                        expected: "the id of a session defined in the workspace"))
                continue
            }
            var time: WallTime?
            if let (text, location) = row.time, !text.isEmpty {
                if let t = LocalTime(text) {
                    time = WallTime(local: LocalDateTime(date: session.start.local.date, time: t), zone: session.zone)
                } else if let parsed = WallTime.parse(text) {
                    time = WallTime(local: parsed.0, zone: session.zone, offset: parsed.offset)
                } else {
                    diagnostics.report(
                        .invalidValue(
                            location, field: "time", found: text,
                            expected: "a check-in time `YYYY-MM-DDTHH:MM` or `HH:MM` (in the session's zone)"))
                    continue
                }
            }
            guard workspace.peopleByID[person] != nil, seen.insert([person.rawValue, sessionID.rawValue]).inserted
            else { continue }
            checkIns.append(
                CheckIn(
                    person: Reference(person, at: row.person.location),
                    session: Reference(sessionID, at: row.session.location),
                    time: time, location: row.location))
        }
        guard diagnostics.errors.isEmpty else { throw WorkspaceLoadFailure(errors: diagnostics.errors) }
        return CheckInFile(path: relative, checkIns: checkIns)
    }
}

/// One row of a check-in file before its ids are resolved, each cell with where it was written.
struct CheckInRow {
    var person: (id: String, location: SourceLocation)
    var session: (id: String, location: SourceLocation)
    var time: (String, SourceLocation)?
    var location: SourceLocation
}

/// A small RFC 4180 reader (quoted cells, doubled quotes, CRLF or LF) that keeps each cell's line and column,
/// so a bad row is reported where it is written. Check-in files are small; the whole text is read at once.
enum CheckInCSV {
    struct Cell {
        var text: String
        var location: SourceLocation
    }

    static func rows(_ text: String, file: String, diagnostics: Diagnostics) -> [CheckInRow] {
        let records = parse(text, file: file, diagnostics: diagnostics)
        guard let header = records.first else {
            diagnostics.report(
                .missingField(
                    SourceLocation(file: file, line: 1, column: 1), field: "header",
                    expected: "a header row `person,session,time`"))
            return []
        }
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let personColumn = names.firstIndex(of: "person"), let sessionColumn = names.firstIndex(of: "session")
        else {
            let missing = ["person", "session"].filter { !names.contains($0) }
            diagnostics.report(
                .missingField(
                    header.first?.location ?? SourceLocation(file: file, line: 1, column: 1),
                    field: "header column \(missing.joined(separator: ", "))",
                    expected: "a header row naming `person` and `session` (and optionally `time`)"))
            return []
        }
        let timeColumn = names.firstIndex(of: "time")
        var rows: [CheckInRow] = []
        for record in records.dropFirst() {
            // Blank lines (one empty cell) are skipped.
            if record.count == 1 && record[0].text.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard record.count > max(personColumn, sessionColumn) else {
                diagnostics.report(
                    .invalidValue(
                        record.last!.location, field: "row", found: "\(record.count) cell(s)",
                        expected: "\(names.count) cells as in the header"))
                continue
            }
            func cell(_ i: Int, _ field: String) -> (String, SourceLocation)? {
                let c = record[i]
                let value = c.text.trimmingCharacters(in: .whitespaces)
                let ok = !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || "-_.@".contains($0) }
                guard ok else {
                    diagnostics.report(
                        .invalidValue(c.location, field: field, found: value, expected: "a \(field) id"))
                    return nil
                }
                return (value, c.location)
            }
            let person = cell(personColumn, "person")
            let session = cell(sessionColumn, "session")
            guard let person, let session else { continue }
            let time = timeColumn.flatMap { $0 < record.count ? record[$0] : nil }.map {
                ($0.text.trimmingCharacters(in: .whitespaces), $0.location)
            }
            rows.append(
                CheckInRow(
                    person: (person.0, person.1), session: (session.0, session.1), time: time,
                    location: record[0].location))
        }
        return rows
    }

    static func parse(_ text: String, file: String, diagnostics: Diagnostics) -> [[Cell]] {
        var records: [[Cell]] = []
        var record: [Cell] = []
        var field = ""
        var line = 1
        var column = 1
        var fieldStart = SourceLocation(file: file, line: 1, column: 1)
        var inQuotes = false
        var wasQuoted = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endField() {
            record.append(Cell(text: field, location: fieldStart))
            field = ""
            wasQuoted = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                        column += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                    if c == "\n" {
                        line += 1
                        column = 0
                    }
                }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                inQuotes = true
                wasQuoted = true
            } else if c == "," {
                endField()
                fieldStart = SourceLocation(file: file, line: line, column: column + 1)
            } else if c == "\r" || c == "\n" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                endField()
                records.append(record)
                record = []
                line += 1
                column = 0
                fieldStart = SourceLocation(file: file, line: line, column: 1)
            } else if wasQuoted {
                diagnostics.report(
                    .syntax(
                        SourceLocation(file: file, line: line, column: column),
                        problem: "text after a closing quote; expected `,` or the end of the line"))
                field.unicodeScalars.append(c)
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
            column += 1
        }
        if inQuotes {
            diagnostics.report(.syntax(fieldStart, problem: "a quoted cell is never closed"))
        }
        if !field.isEmpty || wasQuoted || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}

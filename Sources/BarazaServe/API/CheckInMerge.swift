import Foundation

/// Joins check-in files from several devices into one: every (person, session) once, at its earliest time (with the
/// device that recorded it then), rows ordered by time, then person, then session. The same files give the same bytes whatever their order.
public enum CheckInMerge {
    /// One row of a check-in file.
    public struct Row: Hashable, Sendable {
        public var person: String
        public var session: String
        public var time: String
        /// The device that recorded it (empty when the file has no `device` column).
        public var device: String

        public init(person: String, session: String, time: String, device: String = "") {
            self.person = person
            self.session = session
            self.time = time
            self.device = device
        }
    }

    /// The rows of the CSV `data` (columns found by the header `person,session[,time][,device]`).
    /// - Throws: ``ServeError/badStateFile(path:reason:)`` naming `name` and the line when a row is malformed.
    public static func rows(of data: Data, name: String) throws -> [Row] {
        let lines = String(decoding: data, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let head = lines.first else { return [] }
        let columns = head.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard let p = columns.firstIndex(of: "person"), let s = columns.firstIndex(of: "session") else {
            throw ServeError.badStateFile(path: "\(name):1", reason: "expected the header person,session,time")
        }
        let t = columns.firstIndex(of: "time")
        let d = columns.firstIndex(of: "device")
        var rows: [Row] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count == columns.count, !fields[p].isEmpty, !fields[s].isEmpty else {
                throw ServeError.badStateFile(
                    path: "\(name):\(index + 1)",
                    reason: "expected \(columns.count) fields: \(columns.joined(separator: ","))")
            }
            rows.append(
                Row(
                    person: fields[p], session: fields[s], time: t.map { fields[$0] } ?? "",
                    device: d.map { fields[$0] } ?? ""))
        }
        return rows
    }

    /// The merged file's text.
    public static func merge(_ sources: [[Row]]) -> String {
        // A row without a time counts as later than any with one.
        func order(_ row: Row) -> (Int, String, String, String, String) {
            (row.time.isEmpty ? 1 : 0, row.time, row.person, row.session, row.device)
        }
        var earliest: [String: Row] = [:]
        for row in sources.joined() {
            let key = row.person + "\u{0}" + row.session
            if let seen = earliest[key], order(seen) <= order(row) { continue }
            earliest[key] = row
        }
        let ordered = earliest.values.sorted { order($0) < order($1) }
        let rows = ordered.map { "\($0.person),\($0.session),\($0.time),\($0.device)" }
        return ([CheckInLog.header] + rows).joined(separator: "\n") + "\n"
    }
}

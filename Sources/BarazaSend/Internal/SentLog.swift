import Foundation

/// `sent.log` of a batch: one line per final outcome, appended and flushed to disk as soon as the server answers,
/// so a resumed run knows exactly what went: `sent|failed <TAB> session/person <TAB> time <TAB> code <TAB> reply`.
/// A last line `closed <TAB> time` says the batch is finished (its state recorded, or nothing to record).
struct SentLog {
    struct Entry: Sendable {
        var status: String
        var key: String
        var time: String
        var code: Int
        var reply: String
    }

    static let fileName = "sent.log"

    var entries: [String: Entry] = [:]
    var closed = false

    init(_ data: Data) {
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.first == "closed" {
                closed = true
            } else if fields.count == 5, fields[0] == "sent" || fields[0] == "failed" {
                entries[fields[1]] = Entry(
                    status: fields[0], key: fields[1], time: fields[2], code: Int(fields[3]) ?? 0, reply: fields[4])
            }
            // A torn last line (the process died while writing it) is ignored: its message is sent again only if
            // the server's reply never reached the disk, the window every SMTP client has.
        }
    }

    static func line(_ entry: Entry) -> Data {
        Data("\(entry.status)\t\(entry.key)\t\(entry.time)\t\(entry.code)\t\(clean(entry.reply))\n".utf8)
    }

    static func closing(at time: String) -> Data { Data("closed\t\(time)\n".utf8) }

    /// One line of printable text, at most 300 characters.
    static func clean(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.prefix(300))
    }
}

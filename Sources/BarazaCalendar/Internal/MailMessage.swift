import BarazaModel
import Foundation

/// A ready-to-send RFC 5322 message with MIME parts (RFC 2045-2047), written deterministically: boundaries and
/// the Message-ID come from the content, and the Date is the publication's stamp, not the time of writing.
struct MailMessage {
    struct Address {
        var name: String
        var email: String
    }

    /// One leaf part: its media type with parameters, optional disposition, and body octets (sent as base64).
    struct Part {
        var contentType: String
        var disposition: String?
        var body: Data
    }

    /// The publication stamp, as `Date:`.
    var date: Instant
    var from: Address
    /// The mailbox that actually sends, when it is not `from` (RFC 5322 3.6.2).
    var sender: Address?
    var replyTo: Address
    var to: Address
    var subject: String
    var messageID: String
    /// The alternatives (plain text, then the calendar) followed by attachments.
    var alternatives: [Part]
    var attachments: [Part]

    /// The message octets, CRLF line ends, 7-bit clean.
    func rendered() -> Data {
        let seed = Fingerprint.of([messageID, subject] + alternatives.map { String(decoding: $0.body, as: UTF8.self) })
        let outer = "=_baraza_mixed_" + seed
        let inner = "=_baraza_alt_" + seed
        var lines: [String] = ["Date: " + Self.date(date), "From: " + Self.address(from)]
        if let sender, sender.email.lowercased() != from.email.lowercased() {
            lines.append("Sender: " + Self.address(sender))
        }
        lines += [
            "Reply-To: " + Self.address(replyTo),
            "To: " + Self.address(to),
            Self.folded("Subject: " + Self.encodedWords(subject, prefix: "Subject: ".count)),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            // RFC 3834: a machine wrote it, so vacation responders and the like stay quiet.
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/mixed; boundary=\"\(outer)\"",
            "",
            "This is a MIME message.",
            "--" + outer,
            "Content-Type: multipart/alternative; boundary=\"\(inner)\"",
            "",
        ]
        for part in alternatives { lines += ["--" + inner] + Self.lines(of: part) }
        lines.append("--" + inner + "--")
        for part in attachments { lines += ["--" + outer] + Self.lines(of: part) }
        lines.append("--" + outer + "--")
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// RFC 5322 date-time in UTC: `Mon, 01 Mar 2027 09:00:00 +0000`.
    static func date(_ instant: Instant) -> String {
        let local = LocalDateTime(utc: instant)
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let date = local.date
        let time = local.time
        return "\(days[date.isoWeekday - 1]), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(time.hour)):\(two(time.minute)):\(two(time.second)) +0000"
    }

    private static func lines(of part: Part) -> [String] {
        var lines = ["Content-Type: " + part.contentType, "Content-Transfer-Encoding: base64"]
        if let disposition = part.disposition { lines.append("Content-Disposition: " + disposition) }
        lines.append("")
        let encoded = part.body.base64EncodedString()
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let next = encoded.index(index, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(String(encoded[index..<next]))
            index = next
        }
        return lines
    }

    /// `Name <email>`: the name as is when it is plain ASCII words, quoted when it holds specials, and as
    /// RFC 2047 encoded words when it holds anything else.
    static func address(_ address: Address) -> String {
        let name = address.name.filter { !$0.isNewline }
        guard !name.isEmpty else { return "<\(address.email)>" }
        if name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) {
            let atext = CharacterSet(charactersIn: "!#$%&'*+-/=?^_`{|}~ ").union(.alphanumerics)
            if name.unicodeScalars.allSatisfy(atext.contains) { return "\(name) <\(address.email)>" }
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address.email)>"
        }
        return encodedWords(name, prefix: 6) + " <\(address.email)>"
    }

    /// RFC 2047 `=?UTF-8?B?...?=` words of at most 75 characters, split between characters (never inside a
    /// UTF-8 sequence), separated by a folding space; plain ASCII text is returned unchanged.
    static func encodedWords(_ text: String, prefix: Int) -> String {
        let clean = text.filter { !$0.isNewline }
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }) { return clean }
        // 12 characters of "=?UTF-8?B?" + "?="; 39 octets encode to 52 characters, so "Subject: " plus one word stays under 78.
        var words: [String] = []
        var chunk = Data()
        for character in clean {
            let octets = Data(String(character).utf8)
            if chunk.count + octets.count > 39 {
                words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=")
                chunk = Data()
            }
            chunk.append(octets)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Folds a header line of plain words at spaces so no physical line exceeds 78 characters.
    static func folded(_ line: String) -> String {
        guard !line.contains("\r\n"), line.count > 78 else { return line }
        var out = ""
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > 78 {
                out += current + "\r\n"
                current = " " + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        return out + current
    }
}

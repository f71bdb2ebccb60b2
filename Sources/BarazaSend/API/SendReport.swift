import BarazaOutput
import Foundation

/// The per-person report: one CSV row per message, without addresses (replies that quote one are masked).
public enum SendReport {
    /// The CSV columns.
    public static let header = ["person", "session", "method", "sequence", "status", "time", "attempts", "reply"]

    /// The report's bytes (UTF-8, CRLF, cells that start with `= + - @` neutralised).
    public static func csv(_ results: [DeliveryResult]) -> Data {
        var text = CSV.record(header)
        for result in results {
            let reply = result.reply.map { reply in
                masked(
                    reply.code == 0 || reply.text.hasPrefix("\(reply.code)")
                        ? reply.text : "\(reply.code) \(reply.text)")
            }
            text += CSV.record([
                result.message.person, result.message.session, result.message.method, String(result.message.sequence),
                result.status.rawValue, result.time ?? "", String(result.attempts), reply ?? "",
            ])
        }
        return Data(text.utf8)
    }

    /// The text with anything shaped like an email address replaced by `<address>`.
    public static func masked(_ text: String) -> String {
        text.replacing(/<?[^\s<>@,;:"]+@[A-Za-z0-9.\-\[\]]+>?/, with: "<address>")
    }
}

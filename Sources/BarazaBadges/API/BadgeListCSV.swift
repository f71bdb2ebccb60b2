import BarazaOutput
import Foundation

/// The badge list as CSV for mail merge (Word, Excel, InDesign data merge).
///
/// RFC 4180: comma-separated, CRLF line ends, a header row, fields holding a comma, quote, CR or LF quoted
/// with inner quotes doubled. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// prefixed with an apostrophe so that a spreadsheet shows it as text instead of running it as a formula
/// (OWASP's advice against CSV injection); the apostrophe is visible in a mail merge, which is the price of
/// safety for names no real person writes that way.
public enum BadgeListCSV {
    /// Byte encodings mail-merge tools read without asking.
    public enum Encoding: String, Sendable, CaseIterable {
        /// UTF-8 with a byte-order mark: Excel and Word then read accents and Arabic correctly.
        case utf8
        /// UTF-16 little-endian with a byte-order mark, which InDesign's data merge expects for non-ASCII text.
        case utf16
    }

    /// Column names, in order.
    public static let header = [
        "display_name", "given_name", "family_name", "organisation", "city", "country", "country_code", "role",
        "role_label", "languages", "badge_id", "qr_payload",
    ]

    /// The list as text (header and one row per badge), without byte-order mark.
    public static func text(_ list: BadgeList) -> String {
        var text = row(header)
        for entry in list.entries {
            text += row([
                entry.displayName, entry.givenName, entry.familyName, entry.organisation ?? "", entry.city ?? "",
                entry.country ?? "", entry.countryCode ?? "", entry.roles.map(\.rawValue).joined(separator: " "),
                entry.roleLabel.bilingual,
                entry.languages.map(\.code).joined(separator: " "), entry.badgeID.rawValue,
                entry.badgeID.qrPayload,
            ])
        }
        return text
    }

    /// The file's bytes in `encoding`, byte-order mark first.
    public static func data(_ list: BadgeList, encoding: Encoding) -> Data {
        encode(text(list), encoding)
    }

    /// `text` in `encoding`, byte-order mark first.
    static func encode(_ text: String, _ encoding: Encoding) -> Data {
        switch encoding {
        case .utf8:
            var data = Data([0xEF, 0xBB, 0xBF])
            data.append(contentsOf: text.utf8)
            return data
        case .utf16:
            var data = Data([0xFF, 0xFE])
            data.reserveCapacity(2 + text.utf16.count * 2)
            for unit in text.utf16 {
                data.append(UInt8(unit & 0xFF))
                data.append(UInt8(unit >> 8))
            }
            return data
        }
    }

    /// One record: fields made safe, joined by commas, ended by CRLF.
    static func row(_ fields: [String]) -> String { CSV.record(fields) }

    /// One field, neutralised against formulas and quoted when RFC 4180 requires it.
    static func field(_ value: String) -> String { CSV.cell(value) }
}

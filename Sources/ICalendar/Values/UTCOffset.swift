/// UTC-OFFSET values (`+0100`, `-0330`, `+053028`) for TZOFFSETFROM and TZOFFSETTO.
enum UTCOffset {
    /// `±HHMM`, with seconds only when they are not zero; zero is `+0000` (RFC 5545 forbids `-0000`).
    static func text(seconds: Int) -> String {
        let magnitude = abs(seconds)
        var text =
            (seconds < 0 ? "-" : "+") + DateArithmetic.pad(magnitude / 3600, 2)
            + DateArithmetic.pad(magnitude % 3600 / 60, 2)
        if magnitude % 60 != 0 { text += DateArithmetic.pad(magnitude % 60, 2) }
        return text
    }

    /// Seconds east of UTC, or `nil` if `text` is not a UTC-OFFSET.
    static func seconds(text: String) -> Int? {
        let chars = Array(text.utf8)
        guard chars.count == 5 || chars.count == 7, chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-"),
            chars.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let field = { (i: Int) in Int(chars[i] - 0x30) * 10 + Int(chars[i + 1] - 0x30) }
        let magnitude = field(1) * 3600 + field(3) * 60 + (chars.count == 7 ? field(5) : 0)
        if chars[0] == UInt8(ascii: "-") {
            return magnitude == 0 ? nil : -magnitude
        }
        return magnitude
    }

    /// The tz database style name for a zone without letter abbreviations: `+01`, `-0330`, `+00`.
    static func name(seconds: Int) -> String {
        let magnitude = abs(seconds)
        var text = (seconds < 0 ? "-" : "+") + DateArithmetic.pad(magnitude / 3600, 2)
        if magnitude % 3600 != 0 { text += DateArithmetic.pad(magnitude % 3600 / 60, 2) }
        if magnitude % 60 != 0 { text += DateArithmetic.pad(magnitude % 60, 2) }
        return text
    }
}

import BarazaOutput

extension HTML {
    /// A relative link to an entry of the pack: each path segment percent-encoded, then escaped.
    static func href(_ path: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".unicodeScalars)
        return escape(
            path.split(separator: "/").map { segment in
                var out = ""
                for byte in segment.utf8 {
                    if byte < 0x80, allowed.contains(Unicode.Scalar(byte)) {
                        out.unicodeScalars.append(Unicode.Scalar(byte))
                    } else {
                        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
                    }
                }
                return out
            }.joined(separator: "/"))
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

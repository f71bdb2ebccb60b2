/// HTML escaping for every export that writes a page by hand (logistics lists, material packs).
public enum HTML {
    /// `text` made safe for element content and quoted attributes: `& < > " '` become entities, and control
    /// characters other than tab and line feed are dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where scalar.properties.generalCategory == .control && scalar != "\n" && scalar != "\t": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

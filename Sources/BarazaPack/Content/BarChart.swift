import BarazaOutput

/// A horizontal bar chart as inline SVG that reads without colour: every bar carries its label and its number
/// as text, the chart has a `<title>` and a `<desc>` listing all values, and screen readers get `role="img"`.
struct BarChart {
    var id: String
    var title: String
    /// Label and count, in the order shown.
    var values: [(label: String, count: Int)]

    static let labelWidth = 220.0
    static let barWidth = 300.0
    static let rowHeight = 22.0

    var svg: String {
        let height = Double(max(values.count, 1)) * Self.rowHeight + 8
        let width = Self.labelWidth + Self.barWidth + 60
        let maximum = max(values.map(\.count).max() ?? 0, 1)
        let description =
            values.isEmpty ? "No data." : values.map { "\($0.label): \($0.count)" }.joined(separator: "; ")
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="\(id)-title \(id)-desc" \
            width="\(Self.number(width))" height="\(Self.number(height))" viewBox="0 0 \(Self.number(width)) \(Self.number(height))">
            <title id="\(id)-title">\(HTML.escape(title))</title>
            <desc id="\(id)-desc">\(HTML.escape(description))</desc>

            """
        if values.isEmpty {
            out += "<text x=\"0\" y=\"18\" font-size=\"13\">No data / Aucune donnée</text>\n"
        }
        for (i, v) in values.enumerated() {
            let y = Double(i) * Self.rowHeight + 4
            let w = Double(v.count) / Double(maximum) * Self.barWidth
            out += """
                <g><text x="\(Self.number(Self.labelWidth - 8))" y="\(Self.number(y + 14))" text-anchor="end" font-size="13">\(HTML.escape(Self.clip(v.label)))</text>\
                <rect x="\(Self.number(Self.labelWidth))" y="\(Self.number(y + 2))" width="\(Self.number(w))" height="\(Self.number(Self.rowHeight - 6))" fill="#2f5d8a" stroke="#000" stroke-width="0.5"/>\
                <text x="\(Self.number(Self.labelWidth + w + 6))" y="\(Self.number(y + 14))" font-size="13">\(v.count)</text></g>

                """
        }
        return out + "</svg>"
    }

    /// Fixed notation with at most one decimal, so output never depends on float printing.
    static func number(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }

    static func clip(_ label: String) -> String { label.count > 32 ? String(label.prefix(31)) + "…" : label }
}

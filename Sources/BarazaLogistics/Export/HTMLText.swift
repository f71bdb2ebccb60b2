import BarazaOutput

/// A small printable A4 page: a title, a note, then body HTML that the caller has already escaped.
func printablePage(title: String, note: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>\(HTML.escape(title))</title>
    <style>
    @page { size: A4; margin: 12mm; }
    body { font-family: "Noto Sans", Arial, sans-serif; font-size: 10pt; color: #111; }
    h1 { font-size: 15pt; margin: 0 0 2mm; }
    h2 { font-size: 11pt; margin: 5mm 0 1mm; page-break-after: avoid; }
    p.note { color: #444; margin: 0 0 4mm; }
    table { border-collapse: collapse; width: 100%; page-break-inside: avoid; }
    th, td { border: 0.3mm solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
    th { background: #eee; }
    td.n { text-align: right; }
    .alert { color: #a00; font-weight: bold; }
    </style>
    </head>
    <body>
    <h1>\(HTML.escape(title))</h1>
    <p class="note">\(HTML.escape(note))</p>
    \(body)</body>
    </html>

    """
}

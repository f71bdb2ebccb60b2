import BarazaModel
import BarazaOutput

/// The attendance list of a pack. Contact details (organisation, email) appear only for people who consented
/// to share them, and never in a public pack; a public pack lists only people who consented, by name and place.
struct AttendanceList {
    struct Row {
        var name: String
        var city: String
        var country: String
        var organisation: String
        var email: String
    }

    var rows: [Row]
    /// Attendees not listed (public packs only list people who consented).
    var unlisted: Int
    var showsContacts: Bool

    init(workspace: Workspace, attendance: Attendance, showsContacts: Bool) {
        self.showsContacts = showsContacts
        var rows: [Row] = []
        var unlisted = 0
        let people = attendance.attendees.compactMap { workspace.peopleByID[$0] }
        for p in people.sorted(by: {
            ($0.familyName ?? $0.name, $0.name, $0.id) < ($1.familyName ?? $1.name, $1.name, $1.id)
        }) {
            let consented = p.consent.shareContact
            if !showsContacts && !consented {
                unlisted += 1
                continue
            }
            rows.append(
                Row(
                    name: p.name, city: p.city ?? "", country: p.country ?? "",
                    organisation: showsContacts && consented ? p.organisation ?? "" : "",
                    email: showsContacts && consented ? p.email ?? "" : ""))
        }
        self.rows = rows
        self.unlisted = unlisted
    }

    /// UTF-8 CSV with a header; cells starting with `= + - @` are neutralised for spreadsheets.
    var csv: String {
        func cell(_ s: String) -> String { CSV.cell(s) }
        let header =
            showsContacts ? ["name", "city", "country", "organisation", "email"] : ["name", "city", "country"]
        var out = header.joined(separator: ",") + "\r\n"
        for r in rows {
            let cells =
                showsContacts ? [r.name, r.city, r.country, r.organisation, r.email] : [r.name, r.city, r.country]
            out += cells.map(cell).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

import BarazaModel

/// The event in numbers: attendance by city, country, role and gender, and sessions by theme tag.
struct Figures {
    var charts: [BarChart]

    init(workspace: Workspace, attendance: Attendance) {
        let people = attendance.attendees.compactMap { workspace.peopleByID[$0] }
        func tally(_ labels: [String]) -> [(label: String, count: Int)] {
            var counts: [String: Int] = [:]
            for l in labels { counts[l, default: 0] += 1 }
            return counts.map { (label: $0.key, count: $0.value) }.sorted {
                $0.count != $1.count ? $0.count > $1.count : $0.label < $1.label
            }
        }
        let notGiven = "not given / non renseigné"
        let programme = workspace.sessions.filter { ![.break, .meal].contains($0.kind) }
        charts = [
            BarChart(
                id: "by-city", title: "Attendees by city / Participants par ville (\(people.count))",
                values: tally(people.map { $0.city ?? notGiven })),
            BarChart(
                id: "by-country", title: "Attendees by country / Participants par pays (\(people.count))",
                values: tally(people.map { $0.country ?? notGiven })),
            BarChart(
                id: "by-role", title: "Attendees by role / Participants par rôle (a person may have several roles)",
                values: tally(people.flatMap { $0.roles.sorted().map(\.rawValue) })),
            BarChart(
                id: "by-gender", title: "Attendees by gender, where given / Participants par genre, si renseigné",
                values: tally(people.map { $0.gender ?? notGiven })),
            BarChart(
                id: "by-theme",
                title:
                    "Sessions by theme / Séances par thème (\(programme.count) sessions; one session may have several themes)",
                values: tally(programme.flatMap { $0.tags.isEmpty ? ["no theme / sans thème"] : $0.tags })),
        ]
    }
}

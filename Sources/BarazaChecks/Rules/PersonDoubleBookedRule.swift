import BarazaModel

/// One speaker or moderator in two sessions at once, wherever they are: two rooms, two venues, online.
public struct PersonDoubleBookedRule: Rule {
    static let ruleID = "person-double-booked"
    public init() {}
    public var id: String { Self.ruleID }
    public var defaultSeverity: Severity { .error }
    public var summary: String {
        "a speaker or moderator is booked in two sessions that overlap (also across workspaces)"
    }

    public func check(_ w: Workspace) -> [Finding] {
        var findings: [Finding] = []
        for (personID, sessions) in w.sessionsByPresenter() {
            guard let person = w.peopleByID[personID] else { continue }
            let timed = sessions.compactMap { s in s.interval.map { (interval: $0, item: s) } }
            for (a, b, minutes) in Self.clashes(timed) {
                findings.append(
                    finding(
                        w, subjects: [w.subject(person), w.subject(a), w.subject(b)],
                        occurrences: [w.occurrence(a, for: person)!, w.occurrence(b, for: person)!], minutes: minutes,
                        locations: [b.location, a.location]))
            }
        }
        return findings
    }

    /// Every pair of one person's sessions that overlap, with the minutes (sort and sweep): the rule's scope. A
    /// solver moving one session needs only the pairs it is in, which `NotParallelRule.clash` decides.
    public static func clashes<T>(_ timeline: [(interval: Interval, item: T)]) -> [(T, T, minutes: Int)] {
        overlappingPairs(timeline)
    }
}

/// People of several workspaces grouped when they share an id or an email: each entry with its group's root.
private func samePeople(_ workspaces: [Workspace]) -> [(workspace: Int, person: Person, group: Int)] {
    // Union people across workspaces when they share an id or an email.
    var parent: [Int] = []
    func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }
    var entries: [(workspace: Int, person: Person)] = []
    var byKey: [String: Int] = [:]
    for (wi, w) in workspaces.enumerated() {
        for person in w.people {
            let index = entries.count
            entries.append((wi, person))
            parent.append(index)
            for key in ["id:" + person.id.rawValue] + (person.email.map { ["email:" + $0] } ?? []) {
                if let other = byKey[key] { parent[find(index)] = find(other) } else { byKey[key] = index }
            }
        }
    }
    return entries.indices.map { (entries[$0].workspace, entries[$0].person, find($0)) }
}

extension PersonDoubleBookedRule {
    /// For each person of `workspaces[index]`, the spans of the sessions the same person (same id or email)
    /// presents in the other workspaces, sorted: the cross-workspace part of the rule, which a solver placing that
    /// workspace must keep clear of.
    public static func presentedElsewhere(_ workspaces: [Workspace], index: Int) -> [Person.ID: [Interval]] {
        let entries = samePeople(workspaces)
        let presented = workspaces.map { $0.sessionsByPresenter() }
        var byGroup: [Int: [Interval]] = [:]
        for e in entries where e.workspace != index {
            for session in presented[e.workspace][e.person.id] ?? [] {
                if let interval = session.interval { byGroup[e.group, default: []].append(interval) }
            }
        }
        var result: [Person.ID: [Interval]] = [:]
        for e in entries where e.workspace == index {
            guard let spans = byGroup[e.group] else { continue }
            result[e.person.id, default: []] += spans
        }
        for key in result.keys { result[key]!.sort { ($0.start, $0.end) < ($1.start, $1.end) } }
        return result
    }
}

/// The same person presenting in overlapping sessions of two different workspaces, matched by id or email.
func crossWorkspaceDoubleBookings(_ workspaces: [Workspace]) -> [Finding] {
    let grouped = samePeople(workspaces)
    let entries = grouped.map { (workspace: $0.workspace, person: $0.person) }
    func find(_ index: Int) -> Int { grouped[index].group }
    let presented = workspaces.map { $0.sessionsByPresenter() }
    var groups: [Int: [(interval: Interval, item: (workspace: Int, person: Person, session: Session))]] = [:]
    for (index, entry) in entries.enumerated() {
        for session in presented[entry.workspace][entry.person.id] ?? [] {
            guard let interval = session.interval else { continue }
            groups[find(index), default: []].append((interval, (entry.workspace, entry.person, session)))
        }
    }
    var findings: [Finding] = []
    for root in groups.keys.sorted() {
        for (a, b, minutes) in overlappingPairs(groups[root]!) where a.workspace != b.workspace {
            let wa = workspaces[a.workspace]
            let wb = workspaces[b.workspace]
            findings.append(
                Finding(
                    rule: PersonDoubleBookedRule.ruleID, severity: .error,
                    subjects: [wb.subject(b.person), wa.subject(a.session), wb.subject(b.session)],
                    occurrences: [wa.occurrence(a.session, for: a.person)!, wb.occurrence(b.session, for: b.person)!],
                    minutes: minutes,
                    facts: [Fact("across workspaces", "\(wa.event.id) and \(wb.event.id)")],
                    locations: [b.session.location, a.session.location], event: wb.event.id.rawValue))
        }
    }
    return findings
}

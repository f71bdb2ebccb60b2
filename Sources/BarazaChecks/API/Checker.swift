import BarazaModel
import BarazaParallel

/// Runs the rule catalogue over workspaces and applies each workspace's severity overrides.
public struct Checker: Sendable {
    public var rules: [any Rule]

    /// The core rules, in the order findings are reported. Commands run `RuleCatalogue.all` (BarazaCore): these
    /// and the host-city logistics rules.
    public static let catalogue: [any Rule] = [
        LocalTimeRule(kind: .nonexistent), LocalTimeRule(kind: .ambiguous), LocalTimeRule(kind: .offsetMismatch),
        UnknownReferenceRule(),
        PersonDoubleBookedRule(), TravelTimeRule(), AvailabilityRule(), WakingHoursRule(),
        JourneyRule(direction: .arrival), JourneyRule(direction: .departure),
        RoomDoubleBookedRule(), CapacityRule(), OpeningHoursRule(), EventDatesRule(),
        ParticipantOverlapRule(), LanguageRule(), MaterialRule(),
        SessionOrderRule(), SameRoomRule(), NotParallelRule(), EquipmentRule(), AllowedTimesRule(),
        UnplacedSessionRule(), PlacementIgnoredRule(),
    ]

    /// The core rules' ids. `checks.severity` may also name logistics rules: commands validate it against
    /// `RuleCatalogue.ids` (BarazaCore).
    public static var ruleIDs: [String] { catalogue.map(\.id) }

    public init(rules: [any Rule] = Checker.catalogue) { self.rules = rules }

    /// Findings for each workspace, plus double bookings of the same person across workspaces
    /// (matched by person id or email), sorted by rule then place.
    public func check(_ workspaces: [Workspace]) -> [Finding] {
        // Rules are independent: every (workspace, rule) pair runs on its own core, results in the same order.
        // Each workspace's rules share one memo (values several rules derive, such as the transfer plan).
        let shared = workspaces.map { workspace in
            var shared = workspace
            shared.memo = WorkspaceMemo()
            return shared
        }
        let jobs = shared.flatMap { workspace in rules.map { (workspace, $0) } }
        // The rules that walk everyone start first (cores take jobs in order); their results are put back in job
        // order, so the order jobs run in changes nothing.
        let heavyFirst =
            jobs.indices.filter { jobs[$0].1.walksEveryone } + jobs.indices.filter { !jobs[$0].1.walksEveryone }
        // Before them, each workspace's people facts are made, on every core (several of those rules read them):
        // otherwise the rules started first would wait, cores idle, for the one making them.
        if rules.contains(where: { $0.walksEveryone }) {
            for workspace in shared { _ = PeopleFacts.of(workspace) }
        }
        let ran = parallelMap(jobs.count) { slot -> [Finding] in
            let (workspace, rule) = jobs[heavyFirst[slot]]
            return apply(workspace.settings, to: rule.check(workspace))
        }
        var byJob = [[Finding]](repeating: [], count: jobs.count)
        for (slot, job) in heavyFirst.enumerated() { byJob[job] = ran[slot] }
        var findings = byJob.flatMap { $0 }
        if workspaces.count > 1, rules.contains(where: { $0.id == PersonDoubleBookedRule.ruleID }) {
            let byEvent = Dictionary(
                workspaces.map { ($0.event.id.rawValue, $0.settings) }, uniquingKeysWith: { a, _ in a })
            findings += crossWorkspaceDoubleBookings(workspaces).flatMap { f in
                apply(byEvent[f.event] ?? CheckSettings(), to: [f])
            }
        }
        // Sorted by rule, then first place, then subjects' ids, then as found. Each rule's rank is looked up once
        // per finding and subjects are compared in place: a large workspace has thousands of findings naming
        // hundreds of thousands of people, and the sort compares each finding many times.
        let order = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ranks = findings.map { order[$0.rule] ?? .max }
        let sorted = findings.indices.sorted { i, j in
            if ranks[i] != ranks[j] { return ranks[i] < ranks[j] }
            let (a, b) = (findings[i].locations.first, findings[j].locations.first)
            if a != b {
                guard let a else { return false }
                guard let b else { return true }
                return a < b
            }
            let (x, y) = (findings[i].subjects.lazy.map(\.id), findings[j].subjects.lazy.map(\.id))
            if x.elementsEqual(y) { return i < j }
            return x.lexicographicallyPrecedes(y)
        }
        return sorted.map { findings[$0] }
    }

    private func apply(_ settings: CheckSettings, to findings: [Finding]) -> [Finding] {
        findings.compactMap { finding in
            guard let override = settings.severityOverrides[finding.rule] else { return finding }
            guard let severity = override else { return nil }
            var f = finding
            f.severity = severity
            return f
        }
    }
}

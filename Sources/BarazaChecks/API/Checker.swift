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
        let jobs = workspaces.flatMap { workspace in
            var shared = workspace
            shared.memo = WorkspaceMemo()
            return rules.map { (shared, $0) }
        }
        // The rules that walk everyone start first (cores take jobs in order); their results are put back in job
        // order, so the order jobs run in changes nothing.
        let heavyFirst =
            jobs.indices.filter { jobs[$0].1.walksEveryone } + jobs.indices.filter { !jobs[$0].1.walksEveryone }
        // Before them, each workspace's sign-up positions are made (two of those rules read them): otherwise both
        // could start together, one waiting idle while the other makes them.
        let prepared = rules.contains { $0.walksEveryone } ? jobs.indices.filter { $0 % rules.count == 0 } : []
        let ran = parallelMap(prepared.count + jobs.count) { slot -> [Finding] in
            guard slot >= prepared.count else {
                _ = SignUpPositions.of(jobs[prepared[slot]].0)
                return []
            }
            let (workspace, rule) = jobs[heavyFirst[slot - prepared.count]]
            return apply(workspace.settings, to: rule.check(workspace))
        }
        var byJob = [[Finding]](repeating: [], count: jobs.count)
        for (slot, job) in heavyFirst.enumerated() { byJob[job] = ran[prepared.count + slot] }
        var findings = byJob.flatMap { $0 }
        if workspaces.count > 1, rules.contains(where: { $0.id == PersonDoubleBookedRule.ruleID }) {
            let byEvent = Dictionary(
                workspaces.map { ($0.event.id.rawValue, $0.settings) }, uniquingKeysWith: { a, _ in a })
            findings += crossWorkspaceDoubleBookings(workspaces).flatMap { f in
                apply(byEvent[f.event] ?? CheckSettings(), to: [f])
            }
        }
        let order = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return findings.sorted {
            let a = (order[$0.rule] ?? .max, $0.locations.first, $0.subjects.map(\.id))
            let b = (order[$1.rule] ?? .max, $1.locations.first, $1.subjects.map(\.id))
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 {
                guard let x = a.1 else { return false }
                guard let y = b.1 else { return true }
                return x < y
            }
            return a.2.lexicographicallyPrecedes(b.2)
        }
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

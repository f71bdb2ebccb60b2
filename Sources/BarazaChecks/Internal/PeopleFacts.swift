import BarazaModel
import BarazaParallel

/// What the rules that walk everyone read of each person, gathered in one pass over the people once per check run
/// (kept in the run's memo): reaching into 100,000 people's storage is the cost of such a walk, so the language,
/// journey and local-time rules share one instead of making six.
struct PeopleFacts: Sendable {
    /// For each person, in `people` order, ``Person/instant(of:)`` of their arrival and of their departure.
    let arrivals: [Instant?]
    let departures: [Instant?]
    /// The positions, in order, of the people with an availability window or a journey whose wall time names no
    /// single instant (the local-time rules report those).
    let withUnresolvedTimes: [Int]
    /// Their languages as bits; nil when they speak more than 64 languages.
    let languages: SpokenLanguages?

    init(_ w: Workspace) { self.init(w, pieces: w.people.count >= Self.parallelPeople ? 8 : 1) }

    /// The same, gathered by `pieces` runs of people on every core and joined in order.
    init(_ w: Workspace, pieces: Int) {
        let ranges = pieceRanges(w.people.count, pieces: pieces)
        let parts = parallelMap(ranges.count) { Part(w.people, ranges[$0]) }
        arrivals = parts.flatMap(\.arrivals)
        departures = parts.flatMap(\.departures)
        withUnresolvedTimes = parts.flatMap(\.unresolved)
        languages = SpokenLanguages.joined(parts.map(\.languages))
    }

    /// From this many people on, the facts are gathered on every core.
    static let parallelPeople = 5000

    /// The facts of one run of people.
    private struct Part {
        var arrivals: [Instant?] = []
        var departures: [Instant?] = []
        var unresolved: [Int] = []
        var languages: SpokenLanguages.Builder

        init(_ people: [Person], _ range: Range<Int>) {
            arrivals.reserveCapacity(range.count)
            departures.reserveCapacity(range.count)
            languages = SpokenLanguages.Builder(count: range.count)
            for position in range {
                let person = people[position]
                arrivals.append(person.instant(of: .arrival))
                departures.append(person.instant(of: .departure))
                if person.availability.contains(where: { $0.interval == nil })
                    || person.journeys.contains(where: { $0.instant == nil })
                {
                    unresolved.append(position)
                }
                languages.add(person.languages)
            }
        }
    }

    /// The instants of `direction` (arrivals or departures), by position.
    func instants(of direction: Journey.Direction) -> [Instant?] { direction == .arrival ? arrivals : departures }

    /// The facts of `w`, made once per check run (kept in the run's memo) or, outside a run, now.
    static func of(_ w: Workspace) -> PeopleFacts {
        guard let memo = w.memo else { return PeopleFacts(w) }
        return memo.value("people facts") { PeopleFacts(w) }
    }
}

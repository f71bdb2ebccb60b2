import PropertyBased
import Testing

@testable import TZDatabase

@Suite("nextTransition against a brute-force scan")
struct TransitionPropertyTests {
    /// Every zone of the system database, so rules nobody thought of get exercised too.
    static let allZones = systemDatabase?.identifiers.filter { systemDatabase?.rules(for: $0) != nil } ?? []

    @Test(
        "Following nextTransition finds exactly the offset changes an hourly scan finds, over three years",
        .enabled(if: hasSystemDatabase))
    func chainMatchesHourlyScan() async {
        await propertyCheck(count: 120, input: Gen<String?>.element(of: Self.allZones), Gen.int(in: 1970...2057)) {
            zone, year in
            guard let zone, let rules = systemDatabase?.rules(for: zone) else { return }
            let from = utc(year, 1, 1)
            let to = utc(year + 3, 1, 1)
            // Slow twin: hours whose offset differs from the hour before.
            var scanned: [Int64] = []
            var previous = rules.offset(at: from)
            for hour in stride(from: from + 3600, through: to, by: 3600) {
                let offset = rules.offset(at: hour)
                if offset != previous { scanned.append(hour) }
                previous = offset
            }
            // Fast path: the chain of transitions, keeping those that change the offset.
            var chained: [Int64] = []
            var cursor = from
            while let next = rules.nextTransition(after: cursor), next <= to {
                #expect(rules.localTimeType(at: next - 1) != rules.localTimeType(at: next), "\(zone) \(next)")
                if rules.offset(at: next - 1) != rules.offset(at: next) { chained.append(next) }
                cursor = next
            }
            #expect(chained.count == scanned.count, "\(zone) from \(year)")
            for (transition, hour) in zip(chained, scanned) {
                #expect(transition > hour - 3600 && transition <= hour, "\(zone) \(transition) vs \(hour)")
            }
        }
    }
}

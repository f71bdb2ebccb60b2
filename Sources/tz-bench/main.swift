// Measures the cost of the system tz database for bench/tz_bench.sh (not part of the test suite).
// Prints one line of `name=milliseconds` figures.
import Foundation
import TZDatabase

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

let zones = [
    "Africa/Bamako", "Africa/Casablanca", "Africa/Tunis", "Africa/Kampala", "Africa/Kigali", "Africa/Accra",
    "Africa/Lagos", "Africa/Maputo", "Africa/Niamey", "Africa/Nouakchott", "Africa/Porto-Novo", "Europe/Paris",
]
var database: TZDatabase?
let open = milliseconds { database = TZDatabase.system }
guard let database else {
    print("no system tz database")
    exit(1)
}
var count = 0
let index = milliseconds { count = database.identifiers.count }
let memberZones = milliseconds { for z in zones { _ = database.rules(for: z) } }
let allZones = milliseconds { for z in database.identifiers { _ = database.rules(for: z) } }
let rules = zones.compactMap { database.rules(for: $0) }
var checksum = 0
var state: UInt64 = 1
let queries = 1_000_000
let offsets = milliseconds {
    for i in 0..<queries {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let t = Int64(state >> 34) % 2_840_000_000  // 1970 to about 2060
        checksum &+= rules[i % rules.count].offset(at: t)
    }
}
let chains = milliseconds {
    for r in rules { checksum &+= r.transitions(from: 0, to: 2_840_000_000).count }
}
let foundation = milliseconds {
    let tzs = zones.compactMap { TimeZone(identifier: $0) }
    for i in 0..<queries {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let t = Double(Int64(state >> 34) % 2_840_000_000)
        checksum &+= tzs[i % tzs.count].secondsFromGMT(for: Date(timeIntervalSince1970: t))
    }
}
print(
    "open=\(open) identifiers=\(index) (\(count)) load12=\(memberZones) loadAll=\(allZones)"
        + " offset1M=\(offsets) transitions1970to2060x12=\(chains) foundationOffset1M=\(foundation) checksum=\(checksum)"
)

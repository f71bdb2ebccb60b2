import BarazaModel
import BarazaTestSupport
import PropertyBased
import Testing

@testable import BarazaChecks

/// Minutes of a session outside someone's waking hours, computed day by day from instants, against looking at
/// the home clock minute by minute.
struct WakingHoursPropertyTests {
    /// Minute by minute: is the home clock inside the window?
    static func minutesOutside(_ interval: Interval, window: DailyWindow, zone: Zone) -> Int {
        var outside = 0
        var t = interval.start
        while t < interval.end {
            let time = zone.localDateTime(at: t).time
            let inside =
                window.crossesMidnight
                ? (time >= window.opens || time < window.closes) : (time >= window.opens && time < window.closes)
            if !inside { outside += 1 }
            t = t.adding(minutes: 1)
        }
        return outside
    }

    static let homes = ["Europe/Paris", "Africa/Casablanca", "Africa/Kampala", "Africa/Nouakchott"].map {
        Zone(identifier: $0)!
    }

    /// Window edges on the half hour, away from 02:00–03:59 where the clock changes of these zones happen
    /// (an edge inside a skipped or repeated hour has no single minute-by-minute meaning). Night-time edges
    /// are listed twice: the random sessions run at night, so these are the edges that cut through them.
    static let edges: [LocalTime] = {
        let all = (0..<48).map { LocalTime(hour: $0 / 2, minute: $0 % 2 * 30)! }.filter { !(2...3).contains($0.hour) }
        return all + all.filter { $0.hour < 7 || $0.hour >= 20 }
    }()

    @Test func dayByDayAgreesWithMinuteByMinute() async {
        var partly = 0
        await propertyCheck(
            count: 400, input: RandomSchedules.session(minLength: 1), Gen.element(of: Self.edges),
            Gen.element(of: Self.edges), Gen.int(in: 0...3)
        ) { spec, opens, closes, home in
            guard let interval = spec.interval, let opens, let closes else { return }
            let window = DailyWindow(opens: opens, closes: closes)
            let zone = Self.homes[home]
            let expected = Self.minutesOutside(interval, window: window, zone: zone)
            #expect(
                WakingHoursRule().minutesOutside(interval, window: window, zone: zone) == expected, "\(window) \(zone)")
            if expected > 0 && expected < interval.minutes { partly += 1 }
        }
        #expect(partly >= 20, "only \(partly) of 400 sessions were partly outside")
    }
}

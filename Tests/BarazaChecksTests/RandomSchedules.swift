import BarazaModel
import PropertyBased

/// Random sessions written the way people write them: a wall time in a zone, near the clock changes of
/// Europe/Paris and Africa/Casablanca or across midnight, then resolved to instants as the loader does.
struct SessionSpec: Sendable, CustomStringConvertible {
    /// Which night (`RandomSchedules.nights`).
    var night: Int
    /// Start, in 5-minute steps after the night's first wall time.
    var startStep: Int
    /// Length in 5-minute steps (0: an instant).
    var lengthSteps: Int
    /// In a fall-back overlap, whether the author wrote the later offset.
    var later: Bool
    /// Whether the end is written as a wall time (`end:`) rather than as elapsed minutes (`duration:`).
    var endAsWallTime: Bool

    var description: String {
        let night = RandomSchedules.nights[night]
        let start = night.start.adding(seconds: Int64(startStep) * 300)
        return "\(start) \(night.zone) +\(lengthSteps * 5)min\(later ? " later" : "")\(endAsWallTime ? " end" : "")"
    }

    /// The span this session covers, or nil when its wall times name no instant (a gap) or its end is not
    /// after its start on the clock: the loader keeps such sessions without an interval.
    var interval: Interval? {
        let night = RandomSchedules.nights[night]
        let startLocal = night.start.adding(seconds: Int64(startStep) * 300)
        guard let start = pick(night.zone.resolve(startLocal)) else { return nil }
        if !endAsWallTime { return Interval(start: start, end: start.adding(minutes: lengthSteps * 5)) }
        guard let end = pick(night.zone.resolve(startLocal.adding(seconds: Int64(lengthSteps) * 300))), end >= start
        else { return nil }
        return Interval(start: start, end: end)
    }

    private func pick(_ resolution: LocalTimeResolution) -> Instant? {
        switch resolution {
        case .unique(let i): return i
        case .ambiguous(let earlier, let later): return self.later ? later : earlier
        case .nonexistent: return nil
        }
    }
}

enum RandomSchedules {
    /// First wall time of each night; sessions start up to four hours later.
    static let nights: [(zone: Zone, start: LocalDateTime)] = [
        // 03:00 CEST becomes 02:00 CET: 02:xx happens twice.
        (
            Zone(identifier: "Europe/Paris")!,
            LocalDateTime(date: LocalDate(year: 2026, month: 10, day: 25)!, time: LocalTime(hour: 0, minute: 0)!)
        ),
        // 02:00 CET becomes 03:00 CEST: 02:xx never happens.
        (
            Zone(identifier: "Europe/Paris")!,
            LocalDateTime(date: LocalDate(year: 2027, month: 3, day: 28)!, time: LocalTime(hour: 0, minute: 0)!)
        ),
        // Into Ramadan: 03:00 +01 becomes 02:00 +00.
        (
            Zone(identifier: "Africa/Casablanca")!,
            LocalDateTime(date: LocalDate(year: 2026, month: 2, day: 15)!, time: LocalTime(hour: 0, minute: 30)!)
        ),
        // Out of Ramadan: 02:00 +00 becomes 03:00 +01.
        (
            Zone(identifier: "Africa/Casablanca")!,
            LocalDateTime(date: LocalDate(year: 2026, month: 3, day: 22)!, time: LocalTime(hour: 0, minute: 30)!)
        ),
        // An ordinary night: sessions cross midnight.
        (
            Zone(identifier: "Africa/Kigali")!,
            LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 17)!, time: LocalTime(hour: 21, minute: 0)!)
        ),
    ]

    /// One session; `minLength` 1 rules out instants (the loader requires an end after the start).
    static func session(minLength: Int = 0) -> Generator<SessionSpec, some SendableSequenceType> {
        zip(
            Gen.int(in: 0...(nights.count - 1)), Gen.int(in: 0...48), Gen.int(in: minLength...36), Gen.bool,
            Gen.bool
        ).map { t in SessionSpec(night: t.0, startStep: t.1, lengthSteps: t.2, later: t.3, endAsWallTime: t.4) }
    }
}

/// A POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3`, as found in the footer of a TZif file.
///
/// It gives local time for every instant after a zone's last explicit transition. Follows POSIX
/// (XBD 8.3) with the extensions of RFC 8536 §3.3.1: quoted names (`<+0330>`) and rule times from -167 to
/// 167 hours. Parsing never traps: any malformed string gives nil.
public struct POSIXTimeZone: Hashable, Sendable {
    /// The type outside daylight-saving time.
    public let standard: LocalTimeType
    /// The daylight-saving period and type; nil when the zone keeps `standard` all year.
    public let daylight: DaylightRule?

    /// When daylight-saving time starts and ends each year, and the type it uses.
    public struct DaylightRule: Hashable, Sendable {
        /// The type during daylight-saving time (may have a smaller offset than standard, as in Europe/Dublin).
        public let type: LocalTimeType
        /// The day daylight-saving time starts.
        public let start: RuleDate
        /// Seconds after local midnight of `start` (standard time) at which it starts; may be negative or
        /// more than a day.
        public let startTime: Int
        /// The day daylight-saving time ends.
        public let end: RuleDate
        /// Seconds after local midnight of `end` (daylight-saving time) at which it ends.
        public let endTime: Int
    }

    /// A day of the year in a TZ rule.
    public enum RuleDate: Hashable, Sendable {
        /// `Jn`: day 1...365, February 29 never counted (J60 is always March 1).
        case julian(Int)
        /// `n`: zero-based day 0...365, February 29 counted in leap years.
        case dayOfYear(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (1...5, 5 = last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// The rule POSIX implementations (glibc, musl) assume when a string names a daylight-saving type but no
    /// rule: the United States rule since 2007.
    static let defaultRule = ",M3.2.0,M11.1.0"

    /// Longest string accepted; real footers are under 60 bytes.
    static let maximumLength = 256

    /// Parses a TZ string; nil when it is malformed or out of range.
    public init?(_ string: String) {
        guard string.utf8.count <= Self.maximumLength else { return nil }
        var scanner = TZStringScanner(Array(string.utf8))
        guard let stdName = scanner.name(), let stdOffset = scanner.offset() else { return nil }
        standard = LocalTimeType(utcOffset: -stdOffset, isDaylightSavingTime: false, abbreviation: stdName)
        if scanner.atEnd {
            daylight = nil
            return
        }
        guard let dstName = scanner.name() else { return nil }
        var dstUTCOffset = standard.utcOffset + 3600
        if let byte = scanner.peek, byte != UInt8(ascii: ",") {
            guard let offset = scanner.offset() else { return nil }
            dstUTCOffset = -offset
        }
        if scanner.atEnd { scanner = TZStringScanner(Array(Self.defaultRule.utf8)) }
        guard scanner.take(","), let start = scanner.ruleDate(), let startTime = scanner.ruleTime(),
            scanner.take(","), let end = scanner.ruleDate(), let endTime = scanner.ruleTime(), scanner.atEnd
        else { return nil }
        daylight = DaylightRule(
            type: LocalTimeType(utcOffset: dstUTCOffset, isDaylightSavingTime: true, abbreviation: dstName),
            start: start, startTime: startTime, end: end, endTime: endTime)
    }

    /// The type in force at `time` (seconds since 1970, UTC).
    public func localTimeType(at time: Int64) -> LocalTimeType {
        guard let daylight else { return standard }
        return isDaylight(at: time) ? daylight.type : standard
    }

    /// The first instant after `time` at which the type changes; nil when it never does.
    public func nextTransition(after time: Int64) -> Int64? {
        guard let daylight, daylight.type != standard, time < Self.limit else { return nil }
        let time = max(time, -Self.limit)
        let year = CivilCalendar.year(ofDay: CivilCalendar.floorDiv(time, CivilCalendar.secondsPerDay))
        var events: [Event] = []
        for y in (year - 1)...(year + 3) { events.append(contentsOf: self.events(in: y, daylight)) }
        events.sort()
        // A year's events lie within eight days of it (dates Jan 1 to Dec 31, times within ±167 h, offsets
        // within ±26 h), so before this bound every event of later years is already in `events`. The bound
        // is over three years away: a rule that changes anything does so within it.
        let bound = (CivilCalendar.days(year: year + 4, month: 1, day: 1) - 9) * CivilCalendar.secondsPerDay
        var state = isDaylight(at: time)
        var index = 0
        while index < events.count, events[index].time < bound {
            // Events at the same instant (a rule that ends as it restarts) count as one: the last one wins.
            let at = events[index].time
            var newState = state
            while index < events.count, events[index].time == at {
                newState = events[index].startsDaylight
                index += 1
            }
            guard at > time else { continue }
            if newState != state { return at }
            state = newState
        }
        return nil
    }

    /// Instants beyond ±2^50 s (35 million years) are treated as the limit, which keeps the arithmetic exact.
    static let limit: Int64 = 1 << 50

    private func isDaylight(at time: Int64) -> Bool {
        guard let daylight else { return false }
        let time = min(max(time, -Self.limit), Self.limit)
        let year = CivilCalendar.year(ofDay: CivilCalendar.floorDiv(time, CivilCalendar.secondsPerDay))
        // Rule times reach ±167 h, so the events of a year fall within a week of it: the latest event at or
        // before `time` among four years' worth decides the state. At equal times a start outranks an end.
        var latest: Event?
        for y in (year - 2)...(year + 1) {
            for event in events(in: y, daylight) where event.time <= time {
                if latest == nil || latest! < event { latest = event }
            }
        }
        return latest?.startsDaylight ?? false
    }

    /// An annual switch; ordered by time, then end before start (so a start at the same instant wins).
    private struct Event: Comparable {
        let time: Int64
        let startsDaylight: Bool
        static func < (a: Event, b: Event) -> Bool {
            a.time != b.time ? a.time < b.time : (!a.startsDaylight && b.startsDaylight)
        }
    }

    private func events(in year: Int64, _ daylight: DaylightRule) -> [Event] {
        let start =
            Self.day(daylight.start, in: year) * CivilCalendar.secondsPerDay + Int64(daylight.startTime)
            - Int64(standard.utcOffset)
        let end =
            Self.day(daylight.end, in: year) * CivilCalendar.secondsPerDay + Int64(daylight.endTime)
            - Int64(daylight.type.utcOffset)
        return [Event(time: start, startsDaylight: true), Event(time: end, startsDaylight: false)]
    }

    /// Day number (days since 1970-01-01) of `date` in `year`.
    static func day(_ date: RuleDate, in year: Int64) -> Int64 {
        let january1 = CivilCalendar.days(year: year, month: 1, day: 1)
        switch date {
        case .julian(let n):
            let leapShift: Int64 = CivilCalendar.isLeap(year) && n >= 60 ? 1 : 0
            return january1 + Int64(n) - 1 + leapShift
        case .dayOfYear(let n):
            return january1 + Int64(n)
        case .monthWeekDay(let month, let week, let weekday):
            let first = CivilCalendar.days(year: year, month: Int64(month), day: 1)
            var offset = CivilCalendar.floorMod(Int64(weekday) - CivilCalendar.weekday(ofDay: first), 7)
            offset += Int64(week - 1) * 7
            let length = CivilCalendar.monthLength(year: year, month: Int64(month))
            while offset >= length { offset -= 7 }
            return first + offset
        }
    }
}

/// Reads the pieces of a TZ string; each method consumes input only on success of the whole piece it names.
private struct TZStringScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard peek == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    /// `std`/`dst`: three or more letters, or `<...>` holding three or more letters, digits, `+` or `-`.
    mutating func name() -> String? {
        let begin = position
        var text: [UInt8] = []
        if take("<") {
            while let byte = peek, byte != UInt8(ascii: ">") {
                guard isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") else {
                    position = begin
                    return nil
                }
                text.append(byte)
                position += 1
            }
            guard take(">") else {
                position = begin
                return nil
            }
        } else {
            while let byte = peek, isLetter(byte) {
                text.append(byte)
                position += 1
            }
        }
        guard text.count >= 3 else {
            position = begin
            return nil
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A UTC offset `[+-]hh[:mm[:ss]]`, hours 0...24, in seconds west of UTC as POSIX writes it.
    mutating func offset() -> Int? { signedDuration(maximumHours: 24) }

    /// A rule time `/[+-]hh[:mm[:ss]]` (RFC 8536 allows -167...167 hours); 02:00 when absent.
    mutating func ruleTime() -> Int? {
        guard take("/") else { return 7200 }
        return signedDuration(maximumHours: 167)
    }

    mutating func ruleDate() -> POSIXTimeZone.RuleDate? {
        let begin = position
        if take("J") {
            if let n = number(maxDigits: 3), (1...365).contains(n) { return .julian(n) }
        } else if take("M") {
            if let m = number(maxDigits: 2), (1...12).contains(m), take("."),
                let w = number(maxDigits: 1), (1...5).contains(w), take("."),
                let d = number(maxDigits: 1), (0...6).contains(d)
            {
                return .monthWeekDay(month: m, week: w, weekday: d)
            }
        } else if let n = number(maxDigits: 3), (0...365).contains(n) {
            return .dayOfYear(n)
        }
        position = begin
        return nil
    }

    private mutating func signedDuration(maximumHours: Int) -> Int? {
        let begin = position
        var sign = 1
        if take("-") {
            sign = -1
        } else {
            _ = take("+")
        }
        guard let hours = number(maxDigits: 3), hours <= maximumHours else {
            position = begin
            return nil
        }
        var seconds = hours * 3600
        for multiplier in [60, 1] {
            guard take(":") else { break }
            guard let part = number(maxDigits: 2), part <= 59 else {
                position = begin
                return nil
            }
            seconds += part * multiplier
        }
        return sign * seconds
    }

    /// One to `maxDigits` decimal digits, and no more.
    private mutating func number(maxDigits: Int) -> Int? {
        let begin = position
        var value = 0
        var count = 0
        while count < maxDigits, let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
            position += 1
        }
        if let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
            position = begin  // more digits than allowed
            return nil
        }
        guard count > 0 else {
            position = begin
            return nil
        }
        return value
    }

    private func isLetter(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
    }

    private func isAlphanumeric(_ b: UInt8) -> Bool {
        isLetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
    }
}

import BarazaModel
import Foundation

/// Collects the events of a schedule while one of the readers (XML or JSON) walks it, and fixes every start once
/// the zone is known: an event `date` with an offset is an instant at once; a `date` without offset, or a day
/// date + `start`, is a wall time resolved at the end in the conference zone, else the caller's fallback, else the
/// one fixed offset the event dates share.
struct ScheduleBuilder {
    /// One event as read, before its wall time (if any) is resolved.
    struct Raw {
        var id: String
        var title: String?
        var room: String
        var instant: Instant?
        var local: LocalDateTime?
        var minutes: Int
        var language: String?
        var type: String?
        var track: String?
        var persons: [(key: String, name: String)]
        var line: Int
        /// `file:line` (XML) or the JSON path, for warnings.
        var place: String
    }

    var schedule = Schedule()
    private var raw: [Raw] = []
    private var knownRooms: Set<String> = []

    /// Records a `day` date (the first and last days of the schedule).
    mutating func addDay(_ date: LocalDate?) {
        guard let d = date else { return }
        if schedule.firstDay.map({ d < $0 }) ?? true { schedule.firstDay = d }
        if schedule.lastDay.map({ $0 < d }) ?? true { schedule.lastDay = d }
    }

    /// Where an event starts: its `date` when it parses, else `day` + `start` (a start before the day's start
    /// time belongs to the next calendar day: CCC nights). Nil when neither gives a time.
    static func placement(date: String?, day: LocalDate?, dayStart: LocalTime?, start: String?)
        -> (instant: Instant?, local: LocalDateTime?, offset: Int?)?
    {
        if let date = date.flatMap({ Normalise.text($0) }), let (local, offset) = parseDate(date) {
            if let offset {
                let asUTC = Int64(local.date.daysSince1970) * 86_400 + Int64(local.time.secondsSinceMidnight)
                return (Instant(secondsSince1970: asUTC - Int64(offset)), nil, offset)
            }
            return (nil, local, nil)
        }
        if let day, let time = start.flatMap({ LocalTime($0.trimmingCharacters(in: .whitespaces)) }) {
            var date = day
            if let dayStart, time < dayStart { date = day.adding(days: 1) }
            return (nil, LocalDateTime(date: date, time: time), nil)
        }
        return nil
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:MM]]` → the local reading and its offset in seconds.
    static func parseDate(_ raw: String) -> (LocalDateTime, offset: Int?)? {
        var text = raw
        if let dot = text.firstIndex(of: "."), text.distance(from: text.startIndex, to: dot) >= 19 {
            var end = text.index(after: dot)
            while end < text.endIndex, text[end].isASCII, text[end].isNumber { end = text.index(after: end) }
            text.removeSubrange(dot..<end)
        }
        if text.count > 19, let sign = text.suffix(3).first, sign == "+" || sign == "-",
            text.suffix(2).allSatisfy(\.isNumber)
        {
            text += ":00"
        }
        return WallTime.parse(text)
    }

    /// The day-start time of a `day@start` / `day_start` value (`2019-08-21T09:00:00+02:00` or `09:00`).
    static func dayStartTime(_ raw: String?) -> LocalTime? {
        guard let raw = raw.flatMap({ Normalise.text($0) }) else { return nil }
        return parseDate(raw)?.0.time ?? LocalTime(raw)
    }

    /// `text` cut to one line of text (``TextLimit/line``), the cut noted as `place: what`.
    mutating func fitted(_ text: String, _ what: String, at place: String) -> String {
        guard !TextLimit.line.admits(text) else { return text }
        let normal = Normalise.text(text) ?? ""
        guard !TextLimit.line.admits(normal) else { return text }
        let cut = Normalise.truncated(normal, to: TextLimit.line.scalars)
        schedule.cuts.append(
            "\(place): \(what) of \(normal.unicodeScalars.count) characters cut to \(cut.unicodeScalars.count) (at "
                + "most \(TextLimit.line))")
        return cut
    }

    /// Adds an event placed by ``placement(date:day:dayStart:start:)``. Its title, room and speakers' names are
    /// cut to what a workspace allows.
    mutating func addEvent(_ event: Raw, offset: Int?) {
        var event = event
        let place = "\(event.place): event \(event.id)"
        event.room = fitted(event.room, "room name", at: place)
        event.title = event.title.map { fitted($0, "title", at: place) }
        event.track = event.track.map { fitted($0, "track", at: place) }
        event.persons = event.persons.map { ($0.key, fitted($0.name, "speaker name", at: place)) }
        if !knownRooms.contains(event.room) {
            knownRooms.insert(event.room)
            schedule.rooms.append(event.room)
        }
        if let offset { schedule.dateOffsets[offset, default: 0] += 1 }
        if event.local != nil { schedule.wallTimeEvents += 1 }
        raw.append(event)
    }

    /// Why a start written without an offset names no single instant in `zone`: never a silent shift.
    static func unusableStart(_ problem: LocalTimeProblem, local: LocalDateTime, zone: Zone) -> String {
        switch problem {
        case .nonexistent:
            "its start \(local) does not exist in \(zone.identifier) (the clocks spring forward over it)"
        case .ambiguous:
            "its start \(local) happens twice in \(zone.identifier) (the clocks go back over it); "
                + "write the date with its UTC offset to choose"
        case .offsetMismatch:
            "its start \(local) has an offset \(zone.identifier) does not use then"
        }
    }

    /// Records an event that cannot be placed.
    mutating func skip(_ event: SkippedEvent) { schedule.skipped.append(event) }

    /// Resolves the wall times and returns the schedule. The zone they are read in: the conference zone, else
    /// `fallbackZone`, else the fixed offset every dated event shares (as `Etc/GMT±h`), else UTC.
    mutating func finish(fallbackZone: Zone?) -> Schedule {
        schedule.title = schedule.title.map { fitted($0, "conference title", at: "conference") }
        let zone = schedule.zone ?? fallbackZone ?? schedule.offsetZone ?? .utc
        schedule.wallTimeZone = zone
        for event in raw {
            var start = event.instant
            if start == nil, let local = event.local {
                switch WallTime(local: local, zone: zone).resolve() {
                case .success(let instant): start = instant
                case .failure(let problem):
                    let reason = Self.unusableStart(problem, local: local, zone: zone)
                    schedule.skipped.append(SkippedEvent(place: event.place, event: event.id, reason: reason))
                    continue
                }
            }
            guard let start else { continue }
            let languages = Normalise.languages(event.language ?? "").codes
            schedule.events.append(
                Schedule.Event(
                    id: event.id, title: Normalise.text(event.title ?? "") ?? "event \(event.id)",
                    room: event.room, start: start, minutes: event.minutes, language: languages.first,
                    type: Normalise.text(event.type ?? ""), track: Normalise.text(event.track ?? ""),
                    persons: event.persons, line: event.line, place: event.place))
        }
        return schedule
    }
}

/// Where and when a session may be placed, beyond the rules every session follows, and whether `baraza propose`
/// may move it at all.
public struct SessionConstraints: Hashable, Sendable {
    /// Whether proposals may choose the session's time and room: it has no `start`, or `pin: false`.
    public var movable: Bool
    /// The days it may take place, on its own clock (its venue's zone, or its `timezone`); empty: any event day.
    public var days: [LocalDate]
    /// The part of the day it may run in, on its own clock; nil: whenever its venue is open.
    public var timeWindow: DailyWindow?
    /// Sessions it must start after (at or after their end).
    public var after: [Reference<Session>]
    /// Sessions it must end before (at or before their start).
    public var before: [Reference<Session>]
    /// Sessions it must share a room with.
    public var sameRoomAs: [Reference<Session>]
    /// Sessions it must not overlap (they share an audience).
    public var notParallelWith: [Reference<Session>]
    /// Tags (tracks) whose sessions it must not overlap.
    public var notParallelWithTags: [String]
    /// What its room must offer: each entry is among the room's `equipment`, or `step-free` for an accessible room.
    public var requires: [String]
    /// The `placements:` entry that gave the session its time and room, when one did.
    public var placedBy: SourceLocation?
    /// The session's own `timezone`, which placing keeps; nil when its times are read in its venue's zone.
    public var zone: Zone?

    public init(
        movable: Bool = false, days: [LocalDate] = [], timeWindow: DailyWindow? = nil,
        after: [Reference<Session>] = [], before: [Reference<Session>] = [], sameRoomAs: [Reference<Session>] = [],
        notParallelWith: [Reference<Session>] = [], notParallelWithTags: [String] = [], requires: [String] = [],
        placedBy: SourceLocation? = nil, zone: Zone? = nil
    ) {
        self.movable = movable
        self.days = days
        self.timeWindow = timeWindow
        self.after = after
        self.before = before
        self.sameRoomAs = sameRoomAs
        self.notParallelWith = notParallelWith
        self.notParallelWithTags = notParallelWithTags
        self.requires = requires
        self.placedBy = placedBy
        self.zone = zone
    }

    /// The `requires` entry that asks for step-free access rather than a piece of equipment.
    public static let stepFree = "step-free"

    /// Whether `room` offers everything required: the missing entries, in the order written.
    public func missing(in room: Room) -> [String] {
        requires.filter { need in
            need == Self.stepFree ? !room.accessible : !room.equipment.contains { $0.lowercased() == need.lowercased() }
        }
    }

    /// Whether any constraint ties this session to other sessions.
    public var relatesToOtherSessions: Bool {
        !after.isEmpty || !before.isEmpty || !sameRoomAs.isEmpty || !notParallelWith.isEmpty
            || !notParallelWithTags.isEmpty
    }
}

/// A session written without a `start` and not yet given one by a placement: every field is known but its time
/// (and perhaps its room). `baraza propose` places it; checks and exports leave it out until then.
public struct UnplacedSession: Hashable, Sendable {
    /// The session as written. Its `start` and `end` are placeholders (midnight of the event's first day, in the
    /// session's zone) and its `interval` is nil: use `placed(at:zone:venue:room:)` to give it a time.
    public var draft: Session
    /// How long it lasts, in elapsed minutes (its `duration`).
    public var minutes: Int

    public init(draft: Session, minutes: Int) {
        self.draft = draft
        self.minutes = minutes
    }

    public var id: Session.ID { draft.id }

    /// The session starting at `start`, its times written on `zone`'s clock, at `venue` in `room` (each kept as
    /// written when nil).
    public func placed(at start: Instant, zone: Zone, venue: Reference<Venue>?, room: Reference<Room>?) -> Session {
        draft.moved(to: start, minutes: minutes, zone: zone, venue: venue, room: room)
    }
}

extension Session {
    /// The same session moved to start at `start` and last `minutes`, its times written on `zone`'s clock (with the
    /// offset when that reading happens twice), at `venue` in `room` when given.
    public func moved(
        to start: Instant, minutes: Int, zone: Zone, venue: Reference<Venue>?, room: Reference<Room>?
    ) -> Session {
        var s = self
        let end = start.adding(minutes: minutes)
        s.start = WallTime.reading(start, in: zone)
        s.end = WallTime.reading(end, in: zone)
        s.interval = Interval(start: start, end: end)
        s.timeProblems = []
        if let venue { s.venue = venue }
        if let room { s.room = room }
        return s
    }
}

extension WallTime {
    /// The wall time `instant` shows on `zone`'s clock, with the offset written when that reading happens twice.
    public static func reading(_ instant: Instant, in zone: Zone) -> WallTime {
        let local = zone.localDateTime(at: instant)
        if case .ambiguous = zone.resolve(local) {
            return WallTime(local: local, zone: zone, offset: zone.offset(at: instant))
        }
        return WallTime(local: local, zone: zone)
    }
}

/// One entry of a `placements:` section (the file `baraza propose` writes): a session's start, venue and room.
public struct Placement: Hashable, Sendable {
    public var session: Reference<Session>
    /// The start as written, read on the session's clock.
    public var start: LocalDateTime
    /// An explicit offset, for a reading that happens twice.
    public var offset: Int?
    public var venue: Reference<Venue>?
    public var room: Reference<Room>?
    public var location: SourceLocation
    /// Why the loader did not apply it; nil when it did.
    public var ignored: IgnoredBecause?

    /// Why a placement was not applied.
    public enum IgnoredBecause: Hashable, Sendable {
        /// No session has this id.
        case unknownSession
        /// The session has its own `start` and no `pin: false`; the written start wins.
        case pinned(SourceLocation)
        /// An earlier entry already places the session.
        case placedTwice(SourceLocation)
        /// The session names another room (or venue) than the placement.
        case otherRoom(written: String, SourceLocation)
    }

    public init(
        session: Reference<Session>, start: LocalDateTime, offset: Int? = nil, venue: Reference<Venue>? = nil,
        room: Reference<Room>? = nil, location: SourceLocation, ignored: IgnoredBecause? = nil
    ) {
        self.session = session
        self.start = start
        self.offset = offset
        self.venue = venue
        self.room = room
        self.location = location
        self.ignored = ignored
    }
}

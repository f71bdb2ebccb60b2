/// How `baraza propose` places sessions, from the `propose:` section of `event.yaml`.
public struct ProposeSettings: Hashable, Sendable {
    /// Start times fall on this grid, in minutes from midnight on the session's clock (default 15).
    public var gridMinutes: Int
    /// When sessions may run at a venue without opening hours (and online), on the session's clock.
    public var defaultHours: DailyWindow
    /// The weight of each soft constraint (absent: its default weight; 0 turns it off).
    public var weights: [SoftConstraint: Int]
    /// When meals should be served (a meal inside one of these windows costs nothing).
    public var mealTimes: [DailyWindow]
    /// When breaks should be taken.
    public var breakTimes: [DailyWindow]

    public init(
        gridMinutes: Int = 15, defaultHours: DailyWindow = DailyWindow("08:00-18:00")!,
        weights: [SoftConstraint: Int] = [:],
        mealTimes: [DailyWindow] = [DailyWindow("12:00-14:00")!, DailyWindow("19:00-21:30")!],
        breakTimes: [DailyWindow] = [DailyWindow("10:00-11:00")!, DailyWindow("15:00-16:30")!]
    ) {
        self.gridMinutes = gridMinutes
        self.defaultHours = defaultHours
        self.weights = weights
        self.mealTimes = mealTimes
        self.breakTimes = breakTimes
    }

    /// The weight in force for `constraint`.
    public func weight(_ constraint: SoftConstraint) -> Int { weights[constraint] ?? constraint.defaultWeight }
}

/// A preference `baraza propose` weighs (a soft constraint), with the unit its penalty counts in.
public enum SoftConstraint: String, CaseIterable, Hashable, Comparable, Sendable {
    /// Online sessions inside each attendee's waking hours at home: person-minutes outside them.
    case wakingHours = "waking-hours"
    /// A participant's sign-ups not overlapping: person-minutes of overlap.
    case participantOverlap = "participant-overlap"
    /// Signed-up participants able to follow (the session's language or its room's interpretation): person-minutes
    /// left out.
    case language
    /// Popular sessions in larger rooms: per session, the people beyond three quarters of its room's seats.
    case popularRooms = "popular-rooms"
    /// A track (tag) staying in one room per day: rooms beyond the first, per tag and day.
    case trackRoom = "track-room"
    /// The same speaker's sessions on as few days as possible: days beyond the first, per presenter.
    case speakerDays = "speaker-days"
    /// Plenaries not running in parallel with anything: minutes of overlap, per other session.
    case plenaryAlone = "plenary-alone"
    /// Meals and breaks at their times (`meal_times`, `break_times`): minutes outside them.
    case mealTimes = "meal-times"

    /// The weight used when `event.yaml` gives none.
    public var defaultWeight: Int {
        switch self {
        case .wakingHours: return 2
        case .participantOverlap: return 1
        case .language: return 1
        case .popularRooms: return 1
        case .trackRoom: return 30
        case .speakerDays: return 60
        case .plenaryAlone: return 10
        case .mealTimes: return 5
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

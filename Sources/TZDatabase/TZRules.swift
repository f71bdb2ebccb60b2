/// The complete rules of one zone, read from a TZif file: explicit transitions, then the footer's POSIX TZ
/// rule for every instant after the last one.
///
/// All times are POSIX seconds since 1970-01-01T00:00:00Z (leap seconds not counted; files from the `right/`
/// tree are converted). Immutable and cheap to copy.
public struct TZRules: Hashable, Sendable {
    /// TZif version of the source file (1 to 4).
    public var version: Int { storage.version }
    /// Explicit transition times, ascending.
    public var transitionTimes: [Int64] { storage.transitionTimes }
    /// The local time types of the file; `types[0]` applies before the first transition.
    public var types: [LocalTimeType] { storage.types }
    /// The rule for instants at and after the last transition (or all instants when there is none); nil when
    /// the file has no footer, and then the last transition's type simply stays in force.
    public var footer: POSIXTimeZone? { storage.footer }

    /// Shared, immutable contents: a `TZRules` is one reference wide, so values holding one (`Zone`, and the
    /// events and sessions holding zones) stay small and copy cheaply.
    private let storage: Storage

    private final class Storage: Sendable {
        let version: Int
        let transitionTimes: [Int64]
        /// For each transition, the index in `types` of the type that starts then.
        let transitionTypes: [UInt8]
        let types: [LocalTimeType]
        let footer: POSIXTimeZone?

        init(
            version: Int, transitionTimes: [Int64], transitionTypes: [UInt8], types: [LocalTimeType],
            footer: POSIXTimeZone?
        ) {
            self.version = version
            self.transitionTimes = transitionTimes
            self.transitionTypes = transitionTypes
            self.types = types
            self.footer = footer
        }
    }

    /// Two rules are equal when they give the same answers from the same data.
    public static func == (a: TZRules, b: TZRules) -> Bool {
        a.storage === b.storage
            || (a.version == b.version && a.transitionTimes == b.transitionTimes
                && a.storage.transitionTypes == b.storage.transitionTypes && a.types == b.types && a.footer == b.footer)
    }

    /// Hashes the transitions and footer.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(transitionTimes)
        hasher.combine(footer)
    }

    /// Reads TZif bytes (RFC 8536 versions 1 to 4); throws when they are not a well-formed TZif file.
    ///
    /// Refuses files over 1 MiB; no allocation exceeds the size of the input.
    public init(tzif bytes: [UInt8]) throws(TZifError) {
        var parser = TZifParser(bytes)
        self = try parser.parse()
    }

    init(block: TZifParser.Block, footer: POSIXTimeZone?, version: Int) throws(TZifError) {
        var times = block.times
        if !block.leaps.isEmpty {
            // Files with leap-second records count those seconds in their timestamps; remove the correction
            // in force at each transition to get POSIX time.
            var leap = -1
            for i in times.indices {
                while leap + 1 < block.leaps.count, block.leaps[leap + 1].occurrence <= times[i] { leap += 1 }
                if leap >= 0 {
                    let (value, overflow) = times[i].subtractingReportingOverflow(block.leaps[leap].correction)
                    guard !overflow else { throw .invalid("transition time out of range after leap correction") }
                    times[i] = value
                }
                if i > 0, times[i] <= times[i - 1] {
                    throw .invalid("transition times not ascending after leap correction")
                }
            }
        }
        self.storage = Storage(
            version: version, transitionTimes: times, transitionTypes: block.typeIndices, types: block.types,
            footer: footer)
    }

    /// The local time type in force at `time`.
    public func localTimeType(at time: Int64) -> LocalTimeType {
        let transitionTimes = storage.transitionTimes
        let transitionTypes = storage.transitionTypes
        let types = storage.types
        let footer = storage.footer
        guard let last = transitionTimes.last else { return footer?.localTimeType(at: time) ?? types[0] }
        if time < transitionTimes[0] { return types[0] }
        if time >= last {
            return footer?.localTimeType(at: time) ?? types[Int(transitionTypes[transitionTypes.count - 1])]
        }
        // Index of the last transition at or before `time`.
        var low = 0
        var high = transitionTimes.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if transitionTimes[mid] <= time { low = mid } else { high = mid - 1 }
        }
        return types[Int(transitionTypes[low])]
    }

    /// The UTC offset in seconds (east positive) in force at `time`.
    public func offset(at time: Int64) -> Int { localTimeType(at: time).utcOffset }

    /// Whether the time in force at `time` is marked as daylight-saving time.
    public func isDaylightSavingTime(at time: Int64) -> Bool { localTimeType(at: time).isDaylightSavingTime }

    /// The abbreviation in force at `time` (`CEST`, `+01`).
    public func abbreviation(at time: Int64) -> String { localTimeType(at: time).abbreviation }

    /// The first instant after `time` at which the local time type really changes (offset, daylight-saving
    /// flag or abbreviation), including changes the footer rule generates; nil when none follows.
    ///
    /// Transitions in the file that keep the same type are skipped.
    public func nextTransition(after time: Int64) -> Int64? {
        var cursor = time
        if let first = firstTransitionIndex(after: time) {
            for i in first..<transitionTimes.count {
                let t = transitionTimes[i]
                if localTimeType(at: t - 1) != localTimeType(at: t) { return t }
            }
            cursor = transitionTimes[transitionTimes.count - 1]
        }
        guard let footer, transitionTimes.isEmpty || cursor >= transitionTimes[transitionTimes.count - 1] else {
            return nil
        }
        return footer.nextTransition(after: cursor)
    }

    /// The transitions at instants in `from..<to`, oldest first, at most `limit` of them.
    public func transitions(from: Int64, to: Int64, limit: Int = 100_000) -> [TZTransition] {
        var result: [TZTransition] = []
        guard from < to, from > Int64.min else { return result }
        var cursor = from - 1
        while result.count < limit, let t = nextTransition(after: cursor), t < to {
            result.append(TZTransition(time: t, before: localTimeType(at: t - 1), after: localTimeType(at: t)))
            cursor = t
        }
        return result
    }

    private func firstTransitionIndex(after time: Int64) -> Int? {
        var low = 0
        var high = transitionTimes.count
        while low < high {
            let mid = (low + high) / 2
            if transitionTimes[mid] <= time { low = mid + 1 } else { high = mid }
        }
        return low < transitionTimes.count ? low : nil
    }
}

import BarazaModel

/// Where each session of one day sits in the wide-screen grid: rows are five-minute steps from the day's first
/// half hour (event zone), columns are places, and a place gets one lane per session that overlaps another there.
///
/// A session that names a venue but no room (registration, a break) spans all that day's rooms of its venue,
/// unless it overlaps a session in one of them; then it gets a column of its own, so nothing is drawn over
/// anything else.
struct DayGrid: Sendable {
    static let rowSeconds: Int64 = 300
    static let markSeconds: Int64 = 1800
    /// The axis never runs longer than a day, whatever a session's length.
    static let maxRows = 288

    struct Column: Sendable {
        var place: Place
        var lanes: Int
        /// Grid line where the place starts (line 1 is the time axis).
        var firstLine: Int
    }

    struct Item: Sendable {
        var scheduled: Programme.Scheduled
        var rowStart: Int
        var rowEnd: Int
        var columnStart: Int
        var columnEnd: Int
    }

    var axisStart: Instant
    var rows: Int
    var columns: [Column]
    /// In the day's session order.
    var items: [Item]
    /// Half-hour marks: instant and grid row line.
    var marks: [(instant: Instant, row: Int)]

    /// Total grid column tracks after the axis.
    var laneCount: Int { columns.reduce(0) { $0 + $1.lanes } }

    init(day: Programme.Day, zone: Zone) {
        let sessions = day.sessions
        guard let first = sessions.map(\.interval.start).min(), let last = sessions.map(\.interval.end).max() else {
            axisStart = Instant(secondsSince1970: 0)
            rows = 0
            columns = []
            items = []
            marks = []
            return
        }
        let start = DayGrid.floorToMark(first, zone: zone)
        var end = DayGrid.floorToMark(last, zone: zone)
        if end < last { end = end.adding(seconds: DayGrid.markSeconds) }
        let rows = min(Int((end.secondsSince1970 - start.secondsSince1970) / DayGrid.rowSeconds), DayGrid.maxRows)
        let rowCount = max(rows, 1)

        // Venue-wide sessions span their venue's rooms when they collide with nothing there.
        var lanePlaced: [Place: [Programme.Scheduled]] = [:]
        var spanning: [Venue.ID: [Programme.Scheduled]] = [:]
        for s in sessions where !s.place.isVenue { lanePlaced[s.place, default: []].append(s) }
        for s in sessions where s.place.isVenue {
            let venue = s.place.venue!
            let rooms = lanePlaced.filter { $0.key.venue == venue && !$0.key.isVenue }.values.joined()
            let collides =
                rooms.contains { $0.interval.overlaps(s.interval) }
                || (spanning[venue] ?? []).contains { $0.interval.overlaps(s.interval) }
            if !rooms.isEmpty && !collides {
                spanning[venue, default: []].append(s)
            } else {
                lanePlaced[s.place, default: []].append(s)
            }
        }

        // Greedy interval partitioning: each session takes the first lane that is free at its start.
        var lanes: [Session.ID: Int] = [:]
        var columns: [Column] = []
        var line = 2
        for place in lanePlaced.keys.sorted() {
            var laneEnds: [Instant] = []
            for s in lanePlaced[place]! {
                if let free = laneEnds.firstIndex(where: { $0 <= s.interval.start }) {
                    laneEnds[free] = s.interval.end
                    lanes[s.session.id] = free
                } else {
                    laneEnds.append(s.interval.end)
                    lanes[s.session.id] = laneEnds.count - 1
                }
            }
            columns.append(Column(place: place, lanes: laneEnds.count, firstLine: line))
            line += laneEnds.count
        }
        let spanningIDs = Set(spanning.values.joined().map(\.session.id))
        func row(_ instant: Instant, roundingUp: Bool) -> Int {
            let seconds = instant.secondsSince1970 - start.secondsSince1970
            var steps = seconds / DayGrid.rowSeconds
            if roundingUp && seconds % DayGrid.rowSeconds != 0 { steps += 1 }
            return 2 + Int(min(max(steps, 0), Int64(rowCount)))
        }
        let items = sessions.map { s -> Item in
            let rowStart = row(s.interval.start, roundingUp: false)
            let rowEnd = max(row(s.interval.end, roundingUp: true), rowStart + 1)
            let columnStart: Int
            let columnEnd: Int
            if spanningIDs.contains(s.session.id) {
                let venueColumns = columns.filter { $0.place.venue == s.place.venue && !$0.place.isVenue }
                columnStart = venueColumns.map(\.firstLine).min()!
                columnEnd = venueColumns.map { $0.firstLine + $0.lanes }.max()!
            } else {
                let column = columns.first { $0.place == s.place }!
                columnStart = column.firstLine + (lanes[s.session.id] ?? 0)
                columnEnd = columnStart + 1
            }
            return Item(
                scheduled: s, rowStart: rowStart, rowEnd: rowEnd, columnStart: columnStart, columnEnd: columnEnd)
        }
        let markRows = Int(DayGrid.markSeconds / DayGrid.rowSeconds)
        self.axisStart = start
        self.rows = rowCount
        self.columns = columns
        self.items = items
        self.marks = stride(from: 0, to: rowCount, by: markRows).map { k in
            (start.adding(seconds: Int64(k) * DayGrid.rowSeconds), 2 + k)
        }
    }

    /// The instant at or before `instant` when the zone's clock last read a whole or half hour.
    static func floorToMark(_ instant: Instant, zone: Zone) -> Instant {
        let local = zone.localDateTime(at: instant)
        let into = Int64((local.time.minute % 30) * 60 + local.time.second)
        return instant.adding(seconds: -into)
    }
}

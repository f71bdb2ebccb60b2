import BarazaModel
import BarazaOutput
import BarazaParallel

/// The lists the host city needs, rendered in memory (written by `LogisticsExporter`): a rooming list per hotel,
/// the transfers of each day (CSV and a printable page that also shows that night's hotel block use), meal counts,
/// and a one-page summary of headcounts and hotel block use per night. Times are in the event's zone. Names appear; emails and phone numbers never do.
public struct LogisticsDocuments: Sendable {
    /// Paths relative to the `logistics/` folder, and their text, in a stable order.
    public let files: [(path: String, text: String)]
    /// The transfer plan the lists were made from.
    public let plan: TransferPlan

    public init(_ w: Workspace) {
        let plan = TransferPlanner().plan(w)
        self.plan = plan
        let r = Renderer(w: w, plan: plan)
        // Each hotel's list, each day's two lists, and the meals and summary together: rendered on every core (a
        // large event's transfer lists run to tens of megabytes a day), listed in this order.
        let hotels = w.hotels.sorted(by: { $0.id < $1.id })
        let days = r.transferDays
        let parts = parallelMap(hotels.count + days.count + 1) { job -> [(path: String, text: String)] in
            if job < hotels.count {
                return [("rooming-\(hotels[job].id.rawValue).csv", r.roomingList(hotels[job]))]
            }
            guard job - hotels.count < days.count else {
                return [("meals.csv", r.mealsCSV()), ("summary.html", r.summaryHTML())]
            }
            let day = days[job - hotels.count]
            let seated = r.seatedRuns(on: day)
            return [
                ("transfers-\(day.iso8601).csv", r.transfersCSV(seated)),
                ("transfers-\(day.iso8601).html", r.transfersHTML(seated, on: day)),
            ]
        }
        files = parts.flatMap { $0 }
    }
}

private struct Renderer {
    let w: Workspace
    let plan: TransferPlan
    /// Rooms needed and held per night, for each event hotel with guests or blocks, by hotel id.
    let roomNights: [(hotel: Hotel, rooms: RoomNights)]
    /// Positions in `plan.runs` of the runs leaving on each day (in the event's zone), in plan order.
    let runsByDay: [LocalDate: [Int]]
    var zone: Zone { w.event.zone }

    init(w: Workspace, plan: TransferPlan) {
        self.w = w
        self.plan = plan
        var runsByDay: [LocalDate: [Int]] = [:]
        for (i, run) in plan.runs.enumerated() {
            runsByDay[w.event.zone.localDateTime(at: run.departs).date, default: []].append(i)
        }
        self.runsByDay = runsByDay
        let stays = RoomNights.staysByHotel(w)
        roomNights = w.hotels.sorted { $0.id < $1.id }.filter { stays[$0.id] != nil || !$0.blocks.isEmpty }.map {
            ($0, RoomNights(hotel: $0, stays: stays[$0.id] ?? [], people: w.people))
        }
    }

    func name(_ id: Person.ID) -> String { w.peopleByID[id]?.name ?? id.rawValue }

    func local(_ i: Instant) -> String { zone.localDateTime(at: i).description }

    /// `HH:MM` when on `day`, else the full date and time.
    func clock(_ i: Instant, on day: LocalDate) -> String {
        let l = zone.localDateTime(at: i)
        return l.date == day ? l.time.description : l.description
    }

    func journeyText(_ j: Journey?) -> String {
        guard let j else { return "" }
        let what = [j.carrier, j.number].compactMap { $0 }.joined(separator: " ")
        let when = j.instant.map(local) ?? j.time.description
        return [when, j.mode.rawValue, what, j.place.map { "at \($0)" }].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    func vehicleName(_ run: TransferRun) -> String {
        guard let id = run.vehicle else { return "NO VEHICLE FREE" }
        return w.logistics.vehicles.first { $0.id == id }?.name ?? id.rawValue
    }

    // MARK: Rooming lists

    func roomingList(_ hotel: Hotel) -> String {
        var table = CSVTable(header: [
            "Guest", "Person ID", "Room type", "Check-in", "Check-out", "Nights", "Sharing with",
            "Arrival (\(zone))", "Departure (\(zone))", "Accessibility", "Notes",
        ])
        // Positions (person, stay), sorted by check-in, name and id: people are read in place, not copied.
        var rows: [(person: Int, stay: Int)] = []
        for (pi, p) in w.people.enumerated() {
            for (si, s) in p.stays.enumerated() where s.hotel.id == hotel.id { rows.append((pi, si)) }
        }
        rows.sort { a, b in
            let (x, y) = (w.people[a.person], w.people[b.person])
            return (x.stays[a.stay].checkIn, x.name, x.id) < (y.stays[b.stay].checkIn, y.name, y.id)
        }
        for (pi, si) in rows {
            let (p, stay) = (w.people[pi], w.people[pi].stays[si])
            table.append([
                p.name, p.id.rawValue, stay.roomType ?? "", stay.checkIn.iso8601, stay.checkOut.iso8601,
                "\(stay.nights.count)", stay.sharingWith.map { "\(name($0.id)) (\($0.id))" }.joined(separator: "; "),
                journeyText(p.arrival), journeyText(p.departure), p.accessibility.joined(separator: "; "),
                hotelNotes(hotel, stay, p).joined(separator: "; "),
            ])
        }
        return table.text
    }

    /// Early check-in and late check-out, from the transfer times and the hotel's hours in its own zone.
    func hotelNotes(_ hotel: Hotel, _ stay: Stay, _ p: Person) -> [String] {
        var notes: [String] = []
        let transfers = plan.transfers(for: p.id)
        if let drop = transfers.first(where: { $0.run.kind == .arrival && $0.passenger.dropOff.id == hotel.id.rawValue }
        ) {
            let at = hotel.zone.localDateTime(at: drop.passenger.dropOffTime)
            if at.date == stay.checkIn && at.time < hotel.checkInTime {
                notes.append("early check-in: arrives \(at.time), check-in from \(hotel.checkInTime)")
            }
        }
        if let pick = transfers.first(where: {
            $0.run.kind == .departure && $0.passenger.pickUp.id == hotel.id.rawValue
        }) {
            let at = hotel.zone.localDateTime(at: pick.passenger.pickUpTime)
            if at.date == stay.checkOut && at.time > hotel.checkOutTime {
                notes.append("late check-out: leaves \(at.time), check-out by \(hotel.checkOutTime)")
            }
        }
        return notes
    }

    // MARK: Transfers per day

    var transferDays: [LocalDate] { runsByDay.keys.sorted() }

    func runs(on day: LocalDate) -> [TransferRun] { (runsByDay[day] ?? []).map { plan.runs[$0] } }

    /// A run with its passengers as the lists show them: by pick-up time, then name, then id.
    struct SeatedRun {
        var run: TransferRun
        var passengers: [(passenger: TransferPassenger, name: String, accessibility: [String])]
    }

    /// The runs of `day`, each person looked up once for both of the day's lists.
    func seatedRuns(on day: LocalDate) -> [SeatedRun] {
        runs(on: day).map { run in
            let seated = run.passengers.map { p in
                let person = w.peopleByID[p.person]
                return (
                    passenger: p, name: person?.name ?? p.person.rawValue, accessibility: person?.accessibility ?? []
                )
            }
            return SeatedRun(
                run: run,
                passengers: seated.sorted {
                    ($0.passenger.pickUpTime, $0.name, $0.passenger.person)
                        < ($1.passenger.pickUpTime, $1.name, $1.passenger.person)
                })
        }
    }

    func transfersCSV(_ seatedRuns: [SeatedRun]) -> String {
        var table = CSVTable(header: [
            "Run", "Kind", "Vehicle", "Leaves (\(zone))", "From", "To", "Passenger", "Person ID", "Journey",
            "Pick-up", "Pick-up at", "Drop-off", "Drop-off at", "Wait (min)", "Accessibility",
        ])
        for seated in seatedRuns {
            let run = seated.run
            for (p, name, accessibility) in seated.passengers {
                table.append([
                    run.id, run.kind.rawValue, vehicleName(run), local(run.departs), run.stops.first!.name,
                    run.stops.last!.name, name, p.person.rawValue, journeyText(p.journey), local(p.pickUpTime),
                    p.pickUp.name, local(p.dropOffTime), p.dropOff.name, "\(p.waitMinutes)",
                    accessibility.joined(separator: "; "),
                ])
            }
        }
        return table.text
    }

    func transfersHTML(_ seatedRuns: [SeatedRun], on day: LocalDate) -> String {
        var body = ""
        for seated in seatedRuns {
            let run = seated.run
            let vehicle =
                run.vehicle == nil
                ? "<span class=\"alert\">no vehicle free</span>" : HTML.escape(vehicleName(run))
            let route = run.stops.map { HTML.escape($0.name) }.joined(separator: " → ")
            body +=
                "<h2>\(clock(run.departs, on: day)) \(HTML.escape(run.kind.rawValue)) · \(route) · \(vehicle)</h2>\n"
            body +=
                "<p class=\"note\">Run \(HTML.escape(run.id)); \(run.passengers.count) passenger"
                + "\(run.passengers.count == 1 ? "" : "s"); arrives \(HTML.escape(clock(run.arrives, on: day)))"
                + (run.needsAccessibleVehicle ? "; accessible vehicle needed" : "") + "</p>\n"
            body +=
                "<table>\n<tr><th>Passenger</th><th>Journey</th><th>Pick-up</th><th>Drop-off</th>"
                + "<th>Wait</th><th>Needs</th></tr>\n"
            for (p, name, accessibility) in seated.passengers {
                let needs = accessibility.joined(separator: ", ")
                body +=
                    "<tr><td>\(HTML.escape(name))</td><td>\(HTML.escape(journeyText(p.journey)))</td>"
                    + "<td>\(HTML.escape(clock(p.pickUpTime, on: day))) \(HTML.escape(p.pickUp.name))</td>"
                    + "<td>\(HTML.escape(clock(p.dropOffTime, on: day))) \(HTML.escape(p.dropOff.name))</td>"
                    + "<td class=\"n\">\(p.waitMinutes) min</td><td>\(HTML.escape(needs))</td></tr>\n"
            }
            body += "</table>\n"
        }
        body += blockUseTonight(day)
        return printablePage(
            title: "Transfers \(day.iso8601) · \(w.event.title.bilingual)",
            note: "Times in \(zone) (\(formatOffset(zone.offset(at: firstInstant(of: day))))). "
                + "Arrival runs leave when their last passenger is through immigration and baggage; departure runs "
                + "reach the place by the earliest passenger's deadline; morning runs reach the venue by the first "
                + "session; evening runs leave when the last session has ended.",
            body: body)
    }

    // MARK: Hotel blocks

    /// `12 / 15` rooms taken of those the blocks hold on `night` (all room types; people sharing take one room),
    /// marked when over; `12 (no block)` at a hotel that holds none.
    func blockUse(_ rooms: RoomNights, hotel: Hotel, on night: LocalDate) -> String {
        let needed = rooms.needed(nil, on: night)
        guard !hotel.blocks.isEmpty else { return "\(needed) (no block)" }
        let held = rooms.held(nil, on: night)
        let text = "\(needed) / \(held)"
        return needed > held ? "<span class=\"alert\">\(text) over</span>" : text
    }

    /// The night of `day` at each event hotel: what the drivers' office needs when a guest asks to stay on.
    func blockUseTonight(_ day: LocalDate) -> String {
        guard !roomNights.isEmpty else { return "" }
        var html =
            "<h2>Hotel blocks, night of \(day.iso8601)</h2>\n<table>\n<tr><th>Hotel</th>"
            + "<th>Rooms taken / held</th></tr>\n"
        for (hotel, rooms) in roomNights {
            html +=
                "<tr><td>\(HTML.escape(hotel.name))</td><td class=\"n\">\(blockUse(rooms, hotel: hotel, on: day))</td>"
                + "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// Rooms taken and held at each event hotel, one row per night from the first night booked or held to the last.
    func blockUsePerNight() -> String {
        var nights: Set<LocalDate> = []
        for (hotel, rooms) in roomNights {
            nights.formUnion(rooms.nights)
            for b in hotel.blocks {
                var n = b.firstNight
                while n <= b.lastNight {
                    nights.insert(n)
                    n = n.adding(days: 1)
                }
            }
        }
        guard !nights.isEmpty else { return "" }
        var html =
            "<h2>Hotel block use per night (rooms taken / held)</h2>\n<table>\n<tr><th>Night</th>"
            + roomNights.map { "<th>\(HTML.escape($0.hotel.name))</th>" }.joined() + "</tr>\n"
        for night in nights.sorted() {
            html +=
                "<tr><td>\(night.iso8601)</td>"
                + roomNights.map { "<td class=\"n\">\(blockUse($0.rooms, hotel: $0.hotel, on: night))</td>" }.joined()
                + "</tr>\n"
        }
        return html + "</table>\n"
    }

    func firstInstant(of day: LocalDate) -> Instant {
        if case .unique(let i) = zone.resolve(LocalDateTime(date: day, time: LocalTime(hour: 12, minute: 0)!)) {
            return i
        }
        return Instant(secondsSince1970: Int64(day.daysSince1970) * 86_400)
    }

    // MARK: Meals

    func mealsCSV() -> String {
        let counts = MealCounter().counts(w)
        let needs = Array(Set(counts.flatMap { $0.dietary.map(\.need) })).sorted()
        var table = CSVTable(
            header: [
                "Meal", "Session ID", "Date (\(zone))", "Start (\(zone))", "End (\(zone))", "Venue", "Room", "Seats",
                "Headcount", "Counted from",
            ]
                + needs + ["No stated need", "Not named"])
        for c in counts {
            let s = w.sessionsByID[c.session]!
            let start = zone.localDateTime(at: s.interval!.start)
            let end = zone.localDateTime(at: s.interval!.end)
            let room = w.room(of: s)
            let byNeed = Dictionary(c.dietary.map { ($0.need, $0.count) }, uniquingKeysWith: { a, _ in a })
            table.append(
                [
                    s.title.bilingual, s.id.rawValue, start.date.iso8601, start.time.description, end.time.description,
                    w.venue(of: s)?.name ?? "", room?.name ?? "", room?.capacity.map(String.init) ?? "",
                    "\(c.headcount)", c.source.rawValue,
                ]
                    + needs.map { "\(byNeed[$0] ?? 0)" } + ["\(c.noStatedNeed)", "\(c.unnamed)"])
        }
        return table.text
    }

    // MARK: Summary

    func summaryHTML() -> String {
        let presence = Presence(w)
        let meals = MealCounter().counts(w)
        var days: Set<LocalDate> = []
        var d = w.event.firstDay
        while d <= w.event.lastDay {
            days.insert(d)
            d = d.adding(days: 1)
        }
        var arrivals: [LocalDate: Int] = [:]
        var departures: [LocalDate: Int] = [:]
        for p in w.people {
            if let i = p.instant(of: .arrival) { arrivals[zone.localDateTime(at: i).date, default: 0] += 1 }
            if let i = p.instant(of: .departure) { departures[zone.localDateTime(at: i).date, default: 0] += 1 }
        }
        var rooms: [LocalDate: Int] = [:]
        for p in w.people { for s in p.stays { for n in s.nights { rooms[n, default: 0] += 1 } } }
        days.formUnion(arrivals.keys)
        days.formUnion(departures.keys)
        days.formUnion(transferDays)
        var body =
            "<table>\n<tr><th>Day</th><th>Arrivals</th><th>Departures</th><th>In town</th>"
            + "<th>Hotel guests (night)</th><th>Transfer runs</th><th>Meals (headcount)</th></tr>\n"
        for day in days.sorted() {
            let dayRuns = runs(on: day)
            let missing = dayRuns.filter { $0.vehicle == nil }.count
            let runText =
                "\(dayRuns.count)" + (missing > 0 ? " <span class=\"alert\">(\(missing) without vehicle)</span>" : "")
            let mealText = meals.filter {
                zone.localDateTime(at: w.sessionsByID[$0.session]!.interval!.start).date == day
            }
            .map { "\(HTML.escape(w.sessionsByID[$0.session]!.title.text(in: .english))): \($0.headcount)" }
            .joined(separator: "<br>")
            body +=
                "<tr><td>\(day.iso8601)</td><td class=\"n\">\(arrivals[day] ?? 0)</td>"
                + "<td class=\"n\">\(departures[day] ?? 0)</td><td class=\"n\">\(presence.inTown(on: day).count)</td>"
                + "<td class=\"n\">\(rooms[day] ?? 0)</td><td class=\"n\">\(runText)</td><td>\(mealText)</td></tr>\n"
        }
        body += "</table>\n"
        body += blockUsePerNight()
        if !plan.unplanned.isEmpty {
            body +=
                "<h2>Journeys without a transfer</h2>\n<table>\n<tr><th>Person</th><th>Journey</th><th>Why</th></tr>\n"
            for u in plan.unplanned {
                body +=
                    "<tr><td>\(HTML.escape(name(u.person)))</td><td>\(HTML.escape(journeyText(u.journey)))</td>"
                    + "<td>\(HTML.escape(u.reason))</td></tr>\n"
            }
            body += "</table>\n"
        }
        return printablePage(
            title: "Logistics summary · \(w.event.title.bilingual)",
            note: "Headcounts per day in \(zone). In town: people between their arrival and departure, and people "
                + "living locally. Hotel guests: stays covering that night. Rooms taken: people sharing take one.",
            body: body)
    }
}

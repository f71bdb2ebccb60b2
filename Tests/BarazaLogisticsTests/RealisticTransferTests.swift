import BarazaLogistics
import BarazaModel
import Testing

/// Transfers as the host city runs them: pick-ups after immigration and baggage, morning and evening hotel runs,
/// shuttles only towards a next session, and hotel block use on the sheets.
struct RealisticTransferTests {
    @Test func theArrivalBufferDefaultsByKindOfPlace() throws {
        var w = try loadSample()
        #expect(w.logistics.transfers.arrivalBufferMinutes == nil)
        let kgl = try #require(w.logistics.transfers.places.first { $0.id == "KGL" })
        let bus = try #require(w.logistics.transfers.places.first { $0.id == "nyabugogo" })
        #expect(kgl.kind == .airport && bus.kind == .station)
        #expect(w.logistics.transfers.arrivalBuffer(at: kgl) == 45)
        #expect(w.logistics.transfers.arrivalBuffer(at: bus) == 15)
        let plan = TransferPlanner().plan(w)
        for run in plan.runs where run.kind == .arrival {
            let buffer = run.stops.first!.id == "KGL" ? 45 : 15
            for p in run.passengers {
                let landed = try #require(p.journey?.instant)
                #expect(run.departs >= landed.adding(minutes: buffer), "\(run.id) \(p.person)")
                #expect(p.waitMinutes == landed.adding(minutes: buffer).minutes(until: run.departs))
            }
        }
        // The workspace's own buffer applies at every place; a place's own wins over it.
        w.logistics.transfers.arrivalBufferMinutes = 30
        #expect(w.logistics.transfers.arrivalBuffer(at: bus) == 30)
        var own = bus
        own.arrivalBufferMinutes = 5
        #expect(w.logistics.transfers.arrivalBuffer(at: own) == 5)
    }

    @Test func anUnknownKindOfPlaceIsAnError() {
        let found = LogisticsLoaderTests().errors(
            """
            logistics:
              transfers:
                places: [{ id: KGL, kind: airfield }]
            """)
        #expect(found.count == 1, "\(found.map(\.message))")
        #expect(
            found.first?.message.contains("expected one of `airport`, `station`") == true, "\(found.map(\.message))")
        #expect(found.first?.location?.line == 3)
    }

    /// A person's in-person sessions on a day as the planner sees them: their own, and those open to all.
    func day(of person: Person.ID, on day: LocalDate, in w: Workspace) -> [Session] {
        let own = w.sessions.filter { s in s.attendees.contains { $0.id == person } }
        return w.sessions.filter { s in
            guard let i = s.interval, let v = w.venue(of: s), !v.isOnline, s.kind != .online,
                w.event.zone.localDateTime(at: i.start).date == day
            else { return false }
            if own.contains(where: { $0.id == s.id }) { return true }
            return s.signUps.isEmpty && s.kind != .break
                && !own.contains { $0.interval.map { $0.overlaps(i) } ?? false }
        }
        .sorted { ($0.interval!.start, $0.id) < ($1.interval!.start, $1.id) }
    }

    func night(of p: Person, _ night: LocalDate) -> Hotel.ID? {
        p.stays.first { $0.checkIn <= night && night < $0.checkOut }?.hotel.id
    }

    @Test func morningRunsReachTheFirstVenueByTheFirstSessionFromTheHotelSleptIn() throws {
        let w = try loadSample()
        let plan = TransferPlanner().plan(w)
        let mornings = plan.runs.filter { $0.kind == .morning }
        #expect(!mornings.isEmpty)
        for run in mornings {
            #expect(run.stops.map(\.kind) == [.hotel, .venue], "\(run.id)")
            let date = w.event.zone.localDateTime(at: run.arrives).date
            for p in run.passengers {
                let person = try #require(w.peopleByID[p.person])
                #expect(night(of: person, date.adding(days: -1))?.rawValue == run.stops[0].id, "\(run.id) \(p.person)")
                let first = try #require(day(of: p.person, on: date, in: w).first)
                #expect(w.venue(of: first)?.id.rawValue == run.stops[1].id, "\(run.id) \(p.person)")
                #expect(run.arrives <= first.interval!.start)
            }
        }
        // Everyone who slept at an event hotel and has a session the next day rides exactly one morning run then.
        for person in w.people {
            var d = w.event.firstDay
            while d <= w.event.lastDay {
                let rides = plan.transfers(for: person.id).filter {
                    $0.run.kind == .morning && w.event.zone.localDateTime(at: $0.run.arrives).date == d
                }
                let expected =
                    night(of: person, d.adding(days: -1)) != nil && !day(of: person.id, on: d, in: w).isEmpty
                    && !person.journeys.contains {
                        $0.direction == .departure && $0.instant.map { w.event.zone.localDateTime(at: $0).date } == d
                            && $0.instant! < day(of: person.id, on: d, in: w).first!.interval!.start
                    }
                #expect(rides.count == (expected ? 1 : 0), "\(person.id) on \(d)")
                d = d.adding(days: 1)
            }
        }
    }

    @Test func eveningRunsLeaveTheLastVenueOnceTheLastSessionHasEnded() throws {
        let w = try loadSample()
        let plan = TransferPlanner().plan(w)
        let evenings = plan.runs.filter { $0.kind == .evening }
        #expect(!evenings.isEmpty)
        for run in evenings {
            #expect(run.stops.map(\.kind) == [.venue, .hotel], "\(run.id)")
            let date = w.event.zone.localDateTime(at: run.departs).date
            #expect(run.passengers.allSatisfy { (0...w.logistics.transfers.maxWaitMinutes).contains($0.waitMinutes) })
            for p in run.passengers {
                let person = try #require(w.peopleByID[p.person])
                #expect(night(of: person, date)?.rawValue == run.stops[1].id, "\(run.id) \(p.person)")
                let last = try #require(day(of: p.person, on: date, in: w).last)
                #expect(w.venue(of: last)?.id.rawValue == run.stops[0].id, "\(run.id) \(p.person)")
                #expect(run.departs >= last.interval!.end)
            }
        }
    }

    @Test func aShuttleCarriesOnlyPeopleWhoseNextSessionIsAtItsDestination() throws {
        let w = try loadSample()
        let plan = TransferPlanner().plan(w)
        let shuttles = plan.runs.filter { $0.kind == .shuttle }
        #expect(shuttles.contains { $0.stops.last?.id == "nyandungu" })
        for run in shuttles {
            let date = w.event.zone.localDateTime(at: run.departs).date
            for p in run.passengers {
                let next = try #require(
                    day(of: p.person, on: date, in: w).first { $0.interval!.start >= run.arrives },
                    "\(p.person) has a session after \(run.id)")
                #expect(w.venue(of: next)?.id.rawValue == run.stops.last?.id, "\(run.id) \(p.person)")
            }
        }
    }

    @Test func theSheetsShowHotelBlockUsePerNight() throws {
        let w = try loadSample()
        let docs = LogisticsDocuments(w)
        let summary = try #require(docs.files.first { $0.path == "summary.html" }?.text)
        #expect(summary.contains("<h2>Hotel block use per night (rooms taken / held)</h2>"))
        let radisson = try #require(w.hotelsByID["radisson"])
        let tuesday = try #require(LocalDate(iso8601: "2027-03-23"))
        let guests = w.people.filter { night(of: $0, tuesday) == "radisson" }
        // Nobody shares at the Radisson in the sample: one room per guest.
        #expect(guests.allSatisfy { p in p.stays.allSatisfy { $0.sharingWith.isEmpty } })
        let held = radisson.blocks.filter { $0.firstNight <= tuesday && tuesday <= $0.lastNight }
            .map(\.rooms).reduce(0, +)
        #expect(summary.contains("<tr><td>2027-03-23</td><td class=\"n\">\(guests.count) / \(held)</td>"))
        let sheet = try #require(docs.files.first { $0.path == "transfers-2027-03-23.html" }?.text)
        #expect(sheet.contains("<h2>Hotel blocks, night of 2027-03-23</h2>"))
        let name = radisson.name.replacingOccurrences(of: "&", with: "&amp;")
        #expect(sheet.contains("<td>\(name)</td><td class=\"n\">\(guests.count) / \(held)</td>"))
    }
}

import BarazaChecks
import BarazaModel
import BarazaTestSupport
import Testing

@testable import BarazaWorkspace

/// What a workspace that loads turns into: includes, sign-ups from both sides, times resolved in the right zone.
struct LoadingTests {
    @Test func includesAreReadRelativeToTheIncludingFile() throws {
        let w = try loadFixture("valid")
        #expect(w.people.map(\.id.rawValue) == ["aline-uwimana", "claire-dubois", "kossi-agbo"])
        #expect(w.sessions.map(\.id.rawValue) == ["opening", "workshop", "evening-visit", "paris-call"])
        #expect(w.sessions.allSatisfy { $0.location.file.hasSuffix("valid/sub/sessions.yaml") })
        #expect(w.people[0].location.file.hasSuffix("valid/people.yaml"))
        #expect(w.venues.map(\.id.rawValue) == ["kcc", "video-room"])
        #expect(w.venues[0].rooms.map(\.capacity) == [300, 40])
        #expect(w.venues[0].rooms.map(\.accessible) == [true, false])
        #expect(w.venues[1].isOnline && w.venues[1].zone == nil)
        #expect(
            w.venues[0].kind
                == .physical(
                    city: "Kigali", country: "RW", zone: Zone(identifier: "Africa/Kigali")!, address: nil,
                    openingHours: OpeningHours(daily: DailyWindow("08:00-02:00")!)))
        #expect(w.event.organizer.email == "secretariat@example.org")
        #expect(w.travelMinutes(from: "kcc", to: "video-room") == 0)
    }

    @Test func anIncludedFileWithOnlyCommentsAddsNothing() throws {
        // `valid/notes.yaml` holds a comment and nothing else: a placeholder, not an error.
        let w = try loadFixture("valid")
        #expect(w.people.count == 3 && w.sessions.count == 4)
    }

    @Test func signUpsWrittenOnPeopleAndOnSessionsAreMerged() throws {
        let w = try loadFixture("valid")
        func signUps(_ id: Session.ID) -> [String] { w.sessionsByID[id]!.signUps.map(\.id.rawValue) }
        #expect(signUps("opening") == ["kossi-agbo"])
        #expect(signUps("evening-visit") == ["aline-uwimana", "kossi-agbo"])
        #expect(signUps("workshop") == [])
        // A sign-up written on the person points at the person's file.
        #expect(w.sessionsByID["evening-visit"]!.signUps[0].location.file.hasSuffix("valid/people.yaml"))
    }

    @Test func anEndWrittenAsATimeOfDayEarlierThanTheStartEndsTheNextDay() throws {
        let visit = try #require(try loadFixture("valid").sessionsByID["evening-visit"])
        #expect(visit.start.local.iso8601 == "2026-11-17T23:00:00")
        #expect(visit.end.local.iso8601 == "2026-11-18T01:30:00")
        let interval = try #require(visit.interval)
        #expect(interval.minutes == 150)
        #expect(interval.start == Instant(utc: "2026-11-17T21:00:00Z"))
        #expect(interval.end == Instant(utc: "2026-11-17T23:30:00Z"))
    }

    @Test func durationsInEveryFormAndZonesFromRoomVenueOrSession() throws {
        let w = try loadFixture("valid")
        let opening = try #require(w.sessionsByID["opening"])
        let workshop = try #require(w.sessionsByID["workshop"])
        let call = try #require(w.sessionsByID["paris-call"])
        #expect(opening.interval?.minutes == 90)  // 1h30
        #expect(workshop.interval?.minutes == 45)  // 45m
        #expect(call.interval?.minutes == 90)  // PT1H30M
        // The opening names only a room: its venue's zone applies.
        #expect(opening.zone.identifier == "Africa/Kigali")
        #expect(opening.interval?.start == Instant(utc: "2026-11-17T07:00:00Z"))
        // The online call is in its own zone, on the later 02:30 of the night Paris leaves summer time.
        #expect(call.zone.identifier == "Europe/Paris")
        #expect(call.start.offset == 3600)
        #expect(call.interval?.start == Instant(utc: "2026-10-25T01:30:00Z"))
        #expect(call.end.description == "2026-10-25 04:00 Europe/Paris")
        #expect(w.venue(of: opening)?.id == "kcc")
        #expect(w.room(of: workshop)?.capacity == 40)
    }

    @Test func checkSettingsAndPersonTimes() throws {
        let w = try loadFixture("valid")
        #expect(
            w.settings.severityOverrides == [
                "person-double-booked": .some(.warning), "language-not-covered": Severity?.none,
            ])
        #expect(w.settings.wakingHours == DailyWindow("08:00-21:00"))
        #expect(w.settings.arrivalBufferMinutes == 90)
        let claire = try #require(w.peopleByID["claire-dubois"])
        #expect(claire.roles == [.speaker])
        // Availability is read in the person's home zone, journeys in the event's.
        #expect(
            claire.availability.first?.interval
                == Interval(
                    start: Instant(utc: "2026-11-17T07:00:00Z"), end: Instant(utc: "2026-11-17T17:00:00Z")))
        #expect(claire.arrival?.instant == Instant(utc: "2026-11-16T17:40:00Z"))
        #expect(w.peopleByID["kossi-agbo"]?.roles == [.participant])
    }

    @Test func referencesToMissingThingsLoadAndAreReportedWithBothLocations() throws {
        let w = try loadFixture("missing-references")
        let findings = Checker().check([w]).filter { $0.rule == "unknown-reference" }
        let summary = findings.map { f in
            "\(f.subjects.map(\.id)) " + f.locations.map { relative($0.description) }.joined(separator: " ")
        }
        #expect(
            summary == [
                // The misspelt room: where it is written, and the room it probably means.
                "[\"opening\", \"auditorim\"] missing-references/event.yaml:23:11 missing-references/event.yaml:14:9",
                "[\"opening\", \"grace-nakatoo\"] missing-references/event.yaml:26:16 missing-references/event.yaml:17:5",
                // Nothing is close to `kcc-annex`: only the reference.
                "[\"visit\", \"kcc-annex\"] missing-references/event.yaml:29:12",
            ])
        #expect(
            findings.map(\.message) == [
                "session `opening` refers to room `auditorim`, which is not defined; did you mean `auditorium`?",
                "session `opening` refers to person `grace-nakatoo`, which is not defined; did you mean `grace-nakato`?",
                "session `visit` refers to venue `kcc-annex`, which is not defined",
            ])
    }

    @Test(arguments: [
        ("90", 90), ("1h30", 90), ("45m", 45), ("PT1H30M", 90), ("pt45m", 45), ("1h", 60), ("90m", 90),
        ("2h 15m", 135), ("1h30m", 90), ("PT2H", 120),
    ])
    func durations(_ text: String, _ minutes: Int) {
        #expect(parseMinutes(text) == minutes)
    }

    @Test(arguments: ["", "h", "m", "1.5h", "90s", "abc", "1h30x", "PT", "30m15", "1h1h", "1m1h", "1h30m15", "½h"])
    func notDurations(_ text: String) {
        #expect(parseMinutes(text) == nil)
    }

    // MARK: The sample workspaces

    @Test func theFinalEventSample() throws {
        let w = try loader.load(directory: sample("final-kigali-2027"))
        #expect(w.event.id == "final-kigali-2027")
        #expect(w.people.count == 45)
        #expect(w.sessions.count == 29)
        #expect(w.venues.count == 4)
        #expect(w.hotels.count == 2)
        #expect(w.sessions.allSatisfy { $0.interval != nil && $0.timeProblems.isEmpty })
        let opening = try #require(w.sessionsByID["opening-plenary"])
        #expect(
            opening.interval
                == Interval(
                    start: Instant(utc: "2027-03-23T07:00:00Z"), end: Instant(utc: "2027-03-23T08:30:00Z")))
        #expect(opening.presenters.map(\.id.rawValue) == ["aline-uwimana", "claire-dubois", "eric-habimana"])
        #expect(w.sessionsByID["lunch-d1"]?.interval?.minutes == 90)
        #expect(Checker().check([w]).isEmpty)
    }

    @Test func theOnlineReflectionSample() throws {
        let w = try loader.load(directory: sample("reflection-2027-02"))
        #expect(w.people.count == 12)
        #expect(w.sessions.count == 2)
        #expect(w.venues.count == 1)
        #expect(w.venues[0].isOnline)
        // Written in Paris time (CET in February): 10:00 Paris is 09:00 UTC.
        #expect(
            w.sessionsByID["reflection-part-1"]?.interval
                == Interval(
                    start: Instant(utc: "2027-02-03T09:00:00Z"), end: Instant(utc: "2027-02-03T10:30:00Z")))
        #expect(
            w.sessionsByID["reflection-part-2"]?.interval
                == Interval(
                    start: Instant(utc: "2027-02-03T10:45:00Z"), end: Instant(utc: "2027-02-03T12:00:00Z")))
        #expect(Set(w.people.compactMap(\.homeZone?.identifier)).count == 12)
    }

    @Test func bothSamplesLoadTogetherFromTheEventsFolder() throws {
        let all = try loader.loadAll(path: packageRoot.appendingPathComponent("events").path)
        #expect(all.map(\.event.id.rawValue) == ["final-kigali-2027", "reflection-2027-02"])
        #expect(Checker().check(all).isEmpty)
    }
}

import BarazaModel
import BarazaTestSupport
import Testing

/// DESIGN.md §3: wall times in gaps are errors, wall times in overlaps need an offset, and the tz database
/// (through Foundation's `TimeZone`) is the only source of offsets.
struct ClockChangeTests {
    let paris = zone("Europe/Paris")

    // MARK: Europe/Paris, summer time ends on 2026-10-25 (03:00 CEST becomes 02:00 CET at 01:00 UTC)

    @Test func parisOffsetsEitherSideOfTheOctoberChange() {
        let change = Instant(utc: "2026-10-25T01:00:00Z")
        #expect(paris.offset(at: change.adding(seconds: -1)) == 7200)
        #expect(paris.offset(at: change) == 3600)
        #expect(paris.isDaylightSavingTime(at: change.adding(seconds: -1)))
        #expect(!paris.isDaylightSavingTime(at: change))
        #expect(rendering(change.adding(seconds: -1), in: paris) == "2026-10-25 02:59:59 (+02:00)")
        #expect(rendering(change, in: paris) == "2026-10-25 02:00 (+01:00)")
    }

    @Test func twoThirtyHappensTwiceOnTheNightOfTheOctoberChange() {
        let first = Instant(utc: "2026-10-25T00:30:00Z")
        let second = Instant(utc: "2026-10-25T01:30:00Z")
        #expect(paris.localDateTime(at: first) == local("2026-10-25T02:30"))
        #expect(paris.localDateTime(at: second) == local("2026-10-25T02:30"))
        #expect(paris.resolve(local("2026-10-25T02:30")) == .ambiguous(earlier: first, later: second))
        // The overlap is exactly the hour 02:00..<03:00; the minutes either side are unique.
        #expect(paris.resolve(local("2026-10-25T01:59")) == .unique(Instant(utc: "2026-10-24T23:59:00Z")))
        #expect(
            paris.resolve(local("2026-10-25T02:00"))
                == .ambiguous(
                    earlier: Instant(utc: "2026-10-25T00:00:00Z"), later: Instant(utc: "2026-10-25T01:00:00Z")))
        #expect(
            paris.resolve(local("2026-10-25T02:59:59"))
                == .ambiguous(
                    earlier: Instant(utc: "2026-10-25T00:59:59Z"), later: Instant(utc: "2026-10-25T01:59:59Z")))
        #expect(paris.resolve(local("2026-10-25T03:00")) == .unique(Instant(utc: "2026-10-25T02:00:00Z")))
    }

    @Test func anOverlapReadingIsAnErrorUnlessAnOffsetPicksASide() throws {
        let reading = WallTime(local: local("2026-10-25T02:30"), zone: paris)
        #expect(
            reading.resolve()
                == .failure(
                    .ambiguous(
                        reading, earlier: Instant(utc: "2026-10-25T00:30:00Z"),
                        later: Instant(utc: "2026-10-25T01:30:00Z"))))

        let summer = WallTime(local: reading.local, zone: paris, offset: 7200)
        let winter = WallTime(local: reading.local, zone: paris, offset: 3600)
        let a = try summer.resolve().get()
        let b = try winter.resolve().get()
        #expect(a == Instant(utc: "2026-10-25T00:30:00Z"))
        #expect(b == Instant(utc: "2026-10-25T01:30:00Z"))
        #expect(a.minutes(until: b) == 60)

        let wrong = WallTime(local: reading.local, zone: paris, offset: 0)
        #expect(wrong.resolve() == .failure(.offsetMismatch(wrong, validOffsets: [7200, 3600])))
    }

    @Test func anOffsetOutsideAnOverlapMustBeTheOneInForce() throws {
        let right = WallTime(local: local("2026-11-17T09:00"), zone: paris, offset: 3600)
        #expect(try right.resolve().get() == Instant(utc: "2026-11-17T08:00:00Z"))
        let wrong = WallTime(local: local("2026-11-17T09:00"), zone: paris, offset: 7200)
        #expect(wrong.resolve() == .failure(.offsetMismatch(wrong, validOffsets: [3600])))
    }

    // MARK: Europe/Paris, summer time starts on 2027-03-28 (02:00 CET becomes 03:00 CEST at 01:00 UTC)

    @Test func aReadingInTheSpringGapDoesNotExist() {
        #expect(paris.resolve(local("2027-03-28T02:30")) == .nonexistent(offsetBefore: 3600, offsetAfter: 7200))
        #expect(paris.resolve(local("2027-03-28T02:00")) == .nonexistent(offsetBefore: 3600, offsetAfter: 7200))
        #expect(paris.resolve(local("2027-03-28T01:59")) == .unique(Instant(utc: "2027-03-28T00:59:00Z")))
        #expect(paris.resolve(local("2027-03-28T03:00")) == .unique(Instant(utc: "2027-03-28T01:00:00Z")))
        // No instant of the night shows 02:xx on Paris clocks.
        var instant = Instant(utc: "2027-03-27T23:00:00Z")
        while instant < Instant(utc: "2027-03-28T03:00:00Z") {
            #expect(paris.localDateTime(at: instant).time.hour != 2, "\(instant)")
            instant = instant.adding(minutes: 1)
        }
    }

    @Test func resolvingAGapReadingFailsAsNonexistentWhateverTheOffset() {
        let reading = WallTime(local: local("2027-03-28T02:30"), zone: paris)
        #expect(reading.resolve() == .failure(.nonexistent(reading)))
        let withOffset = WallTime(local: reading.local, zone: paris, offset: 3600)
        #expect(withOffset.resolve() == .failure(.nonexistent(withOffset)))
        #expect(reading.description == "2027-03-28 02:30 Europe/Paris")
        #expect(withOffset.description == "2027-03-28 02:30+01:00 Europe/Paris")
    }

    // MARK: Africa/Casablanca: UTC+1, but UTC+0 during Ramadan

    /// Transition instants from Foundation's own tz copy, which Baraza uses: version 2025b on this toolchain
    /// (`Zone.databaseVersion`). The system's tzdata (2026f here) agrees on the Ramadan 2026 change but not on
    /// later ones, so only the Ramadan 2026 dates are asserted.
    @Test func casablancaMovesToUTCDuringRamadan2026() {
        let casablanca = zone("Africa/Casablanca")
        let toRamadan = Instant(utc: "2026-02-15T02:00:00Z")
        let fromRamadan = Instant(utc: "2026-03-22T02:00:00Z")
        #expect(casablanca.offset(at: toRamadan.adding(seconds: -1)) == 3600)
        #expect(casablanca.offset(at: toRamadan) == 0)
        #expect(casablanca.offset(at: fromRamadan.adding(seconds: -1)) == 0)
        #expect(casablanca.offset(at: fromRamadan) == 3600)
        #expect(rendering(toRamadan.adding(seconds: -1), in: casablanca) == "2026-02-15 02:59:59 (+01:00)")
        #expect(rendering(toRamadan, in: casablanca) == "2026-02-15 02:00 (+00:00)")
        #expect(rendering(fromRamadan.adding(seconds: -1), in: casablanca) == "2026-03-22 01:59:59 (+00:00)")
        #expect(rendering(fromRamadan, in: casablanca) == "2026-03-22 03:00 (+01:00)")
        // These are the only changes between January and the end of June 2026.
        var changes: [Instant] = []
        var t = Instant(utc: "2026-01-01T00:00:00Z")
        while t < Instant(utc: "2026-07-01T00:00:00Z") {
            let next = t.adding(minutes: 30)
            if casablanca.offset(at: next) != casablanca.offset(at: t) { changes.append(next) }
            t = next
        }
        #expect(changes == [toRamadan, fromRamadan])
        // Falling back into Ramadan repeats 02:xx; coming out of it skips 02:xx.
        #expect(
            casablanca.resolve(local("2026-02-15T02:30"))
                == .ambiguous(
                    earlier: Instant(utc: "2026-02-15T01:30:00Z"), later: Instant(utc: "2026-02-15T02:30:00Z")))
        #expect(casablanca.resolve(local("2026-03-22T02:30")) == .nonexistent(offsetBefore: 0, offsetAfter: 3600))
        #expect(!Zone.databaseVersion.isEmpty)
    }

    // MARK: The general case: half-hour shifts and a skipped day

    @Test func halfHourClockChangesOnLordHowe() {
        let lordHowe = zone("Australia/Lord_Howe")
        // 2026-04-05 02:00 +11:00 becomes 01:30 +10:30; 2026-10-04 02:00 +10:30 becomes 02:30 +11:00.
        #expect(
            lordHowe.resolve(local("2026-04-05T01:45"))
                == .ambiguous(
                    earlier: Instant(utc: "2026-04-04T14:45:00Z"), later: Instant(utc: "2026-04-04T15:15:00Z")))
        #expect(lordHowe.resolve(local("2026-04-05T01:29")) == .unique(Instant(utc: "2026-04-04T14:29:00Z")))
        #expect(lordHowe.resolve(local("2026-10-04T02:15")) == .nonexistent(offsetBefore: 37800, offsetAfter: 39600))
        #expect(lordHowe.resolve(local("2026-10-04T02:30")) == .unique(Instant(utc: "2026-10-03T15:30:00Z")))
        let later = WallTime(local: local("2026-04-05T01:45"), zone: lordHowe, offset: 37800)
        #expect(later.resolve() == .success(Instant(utc: "2026-04-04T15:15:00Z")))
    }

    @Test func aWholeDayThatNeverHappenedInSamoa() {
        // Samoa crossed the date line: 2011-12-29 24:00 (-10:00) was followed by 2011-12-31 00:00 (+14:00).
        let apia = zone("Pacific/Apia")
        for time in ["00:00", "09:00", "23:59"] {
            #expect(apia.resolve(local("2011-12-30T\(time)")) == .nonexistent(offsetBefore: -36000, offsetAfter: 50400))
        }
        #expect(apia.resolve(local("2011-12-29T23:59")) == .unique(Instant(utc: "2011-12-30T09:59:00Z")))
        #expect(apia.resolve(local("2011-12-31T00:00")) == .unique(Instant(utc: "2011-12-30T10:00:00Z")))
    }

    // MARK: Sessions and viewers

    @Test func aSessionCrossingMidnightLastsItsElapsedMinutesAndEndsTheNextDay() throws {
        let kigali = zone("Africa/Kigali")
        let start = try WallTime(local: local("2026-11-17T23:00"), zone: kigali).resolve().get()
        let end = try WallTime(local: local("2026-11-18T01:30"), zone: kigali).resolve().get()
        let interval = Interval(start: start, end: end)
        #expect(interval.minutes == 150)
        #expect(kigali.localDateTime(at: end).date == LocalDate(year: 2026, month: 11, day: 18))
        #expect(kigali.localDateTime(at: start).date.adding(days: 1) == kigali.localDateTime(at: end).date)
        #expect(start.iso8601UTC == "2026-11-17T21:00:00Z")
        #expect(end.iso8601UTC == "2026-11-17T23:30:00Z")
    }

    @Test func aSessionAcrossTheOctoberChangeLastsOneHourMoreThanItsClockSays() throws {
        let start = try WallTime(local: local("2026-10-25T01:30"), zone: paris).resolve().get()
        let end = try WallTime(local: local("2026-10-25T03:30"), zone: paris).resolve().get()
        #expect(start.minutes(until: end) == 180)
    }

    /// The online session of `Tests/BarazaChecksTests/Fixtures/online-four-zones`: 23:30 in Nouakchott for 90
    /// minutes, on the night Paris leaves summer time, seen from each speaker's home.
    @Test func oneOnlineSessionOnFourHomeClocks() throws {
        let nouakchott = zone("Africa/Nouakchott")
        let start = try WallTime(local: local("2026-10-24T23:30"), zone: nouakchott).resolve().get()
        let end = start.adding(minutes: 90)
        func span(_ z: Zone) -> String { "\(rendering(start, in: z)) – \(rendering(end, in: z))" }
        #expect(span(paris) == "2026-10-25 01:30 (+02:00) – 2026-10-25 02:00 (+01:00)")
        #expect(span(zone("Africa/Kampala")) == "2026-10-25 02:30 (+03:00) – 2026-10-25 04:00 (+03:00)")
        #expect(span(nouakchott) == "2026-10-24 23:30 (+00:00) – 2026-10-25 01:00 (+00:00)")
        #expect(span(zone("Africa/Maputo")) == "2026-10-25 01:30 (+02:00) – 2026-10-25 03:00 (+02:00)")
    }
}

/// A compact binary form of decoded people, so a large people file need not be decoded from YAML again while its
/// bytes are unchanged (the workspace loader's people snapshot).
///
/// One archive holds one run of people, each person's fields in the order of `Person.Fields`: integers as
/// variable-length numbers, texts as their length and UTF-8 bytes. A text that repeats the previous one of its kind
/// (the file of every location, a zone, a provenance file) is written as a mark instead, and read back as one
/// shared `String`. Decoding rebuilds every field through the same initialisers; decoding what is not an archive
/// (cut short, changed, from another version) throws, never traps, and a value out of range (a month 13, an
/// unknown role or zone) is refused like a cut.
public enum PersonArchive {
    /// Bumped whenever the layout changes: an archive of another version is refused.
    public static let version = 1

    /// `people` as archive bytes.
    public static func encode(_ people: some Collection<Person>) -> [UInt8] {
        var writer = Writer()
        writer.bytes.reserveCapacity(256 * people.count)
        writer.int(version)
        writer.int(people.count)
        for person in people { writer.person(person.storage.fields) }
        return writer.bytes
    }

    /// The people in `bytes`, as ``encode(_:)`` wrote them; `zone` finds a zone by its identifier (nil when the tz
    /// database in use does not know it, which refuses the archive).
    public static func decode(_ bytes: UnsafeRawBufferPointer, zone: @escaping (String) -> Zone?) throws(ArchiveError)
        -> [Person]
    {
        var reader = Reader(bytes: bytes, zone: zone)
        guard try reader.int() == version else { throw ArchiveError() }
        let people = try reader.count()
        var result: [Person] = []
        result.reserveCapacity(people)
        for _ in 0..<people { result.append(Person(fields: try reader.person())) }
        guard reader.at == bytes.count else { throw ArchiveError() }
        return result
    }

    /// Bytes that are not an archive of this version.
    public struct ArchiveError: Error, Hashable {}

    /// The previous text of each kind that is often repeated.
    enum Repeated: Int, CaseIterable {
        case file, zone, provenance
    }

    struct Writer {
        var bytes: [UInt8] = []
        var previous = [String](repeating: "", count: Repeated.allCases.count)

        /// A signed integer, zigzag then 7 bits per byte.
        mutating func int(_ value: Int) {
            var v = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

        /// A text: its length plus one, then its bytes.
        mutating func text(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                int(utf8.count + 1)
                bytes.append(contentsOf: utf8)
            }
        }

        /// A text of `kind`: 0 when it is the previous one of its kind, else as ``text(_:)``.
        mutating func text(_ value: String, _ kind: Repeated) {
            if value == previous[kind.rawValue] { return int(0) }
            previous[kind.rawValue] = value
            text(value)
        }

        mutating func optionalText(_ value: String?) {
            bool(value != nil)
            if let value { text(value) }
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            bool(value != nil)
            if let value { write(&self, value) }
        }

        mutating func list<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            int(values.count)
            for value in values { write(&self, value) }
        }

        mutating func location(_ l: SourceLocation) {
            text(l.file, .file)
            int(l.line)
            int(l.column)
        }

        mutating func date(_ d: LocalDate) {
            int(d.year)
            int(d.month)
            int(d.day)
        }

        mutating func wallTime(_ t: WallTime) {
            date(t.local.date)
            int(t.local.time.secondsSinceMidnight)
            text(t.zone.identifier, .zone)
            optional(t.offset) { $0.int($1) }
        }

        mutating func instant(_ i: Instant) { int(Int(i.secondsSince1970)) }

        mutating func reference<T>(_ r: Reference<T>) {
            text(r.id.rawValue)
            location(r.location)
        }

        mutating func person(_ f: Person.Fields) {
            text(f.id.rawValue)
            text(f.name)
            optionalText(f.givenName)
            optionalText(f.familyName)
            optionalText(f.email)
            optionalText(f.organisation)
            optionalText(f.city)
            optionalText(f.country)
            optional(f.homeZone) { $0.text($1.identifier, .zone) }
            list(f.languages) { $0.text($1.code) }
            // Roles in a fixed order, without hashing one (nearly everyone has one role).
            int(f.roles.count)
            if f.roles.count == 1 {
                text(f.roles.first!.rawValue)
            } else {
                for role in f.roles.sorted() { text(role.rawValue) }
            }
            list(f.availability) { w, window in
                w.wallTime(window.start)
                w.wallTime(window.end)
                w.optional(window.interval) {
                    $0.instant($1.start)
                    $0.instant($1.end)
                }
                w.location(window.location)
            }
            list(f.journeys) { w, journey in
                w.text(journey.direction.rawValue)
                w.text(journey.mode.rawValue)
                w.optionalText(journey.carrier)
                w.optionalText(journey.number)
                w.optionalText(journey.place)
                w.wallTime(journey.time)
                w.optional(journey.instant) { $0.instant($1) }
                w.location(journey.location)
            }
            list(f.stays) { w, stay in
                w.reference(stay.hotel)
                w.date(stay.checkIn)
                w.date(stay.checkOut)
                w.optionalText(stay.roomType)
                w.list(stay.sharingWith) { $0.reference($1) }
                w.location(stay.location)
            }
            list(f.dietary) { $0.text($1) }
            list(f.accessibility) { $0.text($1) }
            bool(f.consent.shareContact)
            bool(f.consent.photos)
            list(f.signUps) { $0.reference($1) }
            optional(f.bio) { w, bio in
                w.optionalText(bio.english)
                w.optionalText(bio.french)
            }
            optionalText(f.gender)
            optional(f.source) {
                $0.text($1.file, .provenance)
                $0.text($1.record)
            }
            location(f.location)
            optionalText(f.localAddress)
            optional(f.needsHotel) { $0.bool($1) }
            optionalText(f.hotelPreference)
            optionalText(f.emergencyContact)
        }
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        let zone: (String) -> Zone?
        var at = 0
        var previous = [String](repeating: "", count: Repeated.allCases.count)
        /// Zones and languages by name, each made once.
        var zones: [String: Zone] = [:]
        var lastZone: Zone?
        var languages: [String: Language] = [:]

        init(bytes: UnsafeRawBufferPointer, zone: @escaping (String) -> Zone?) {
            self.bytes = bytes
            self.zone = zone
        }

        mutating func int() throws(ArchiveError) -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard at < bytes.count, shift < 64 else { throw ArchiveError() }
                let byte = bytes[at]
                at += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            let n = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
            return Int(n)
        }

        /// A count of things that follow, each at least a byte long.
        mutating func count() throws(ArchiveError) -> Int {
            let n = try int()
            guard n >= 0, n <= bytes.count - at else { throw ArchiveError() }
            return n
        }

        mutating func bool() throws(ArchiveError) -> Bool {
            guard at < bytes.count, bytes[at] <= 1 else { throw ArchiveError() }
            at += 1
            return bytes[at - 1] == 1
        }

        /// A text written by ``Writer/text(_:)``.
        mutating func string() throws(ArchiveError) -> String {
            let written = try int()
            guard written >= 1, written - 1 <= bytes.count - at else { throw ArchiveError() }
            let length = written - 1
            let start = at
            at += length
            guard let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            else { throw ArchiveError() }
            return text
        }

        /// A text of `kind`, written by ``Writer/text(_:_:)``.
        mutating func string(_ kind: Repeated) throws(ArchiveError) -> String {
            guard bytes.count > at else { throw ArchiveError() }
            if bytes[at] == 0 {
                at += 1
                return previous[kind.rawValue]
            }
            let text = try string()
            previous[kind.rawValue] = text
            return text
        }

        mutating func optional<T>(_ read: (inout Reader) throws(ArchiveError) -> T) throws(ArchiveError) -> T? {
            try bool() ? try read(&self) : nil
        }

        mutating func list<T>(_ read: (inout Reader) throws(ArchiveError) -> T) throws(ArchiveError) -> [T] {
            let n = try count()
            var values: [T] = []
            values.reserveCapacity(n)
            for _ in 0..<n { values.append(try read(&self)) }
            return values
        }

        mutating func raw<T: RawRepresentable<String>>(_: T.Type) throws(ArchiveError) -> T {
            guard let value = T(rawValue: try string()) else { throw ArchiveError() }
            return value
        }

        mutating func location() throws(ArchiveError) -> SourceLocation {
            SourceLocation(file: try string(.file), line: try int(), column: try int())
        }

        mutating func date() throws(ArchiveError) -> LocalDate {
            guard let date = LocalDate(year: try int(), month: try int(), day: try int()) else { throw ArchiveError() }
            return date
        }

        mutating func zoneValue() throws(ArchiveError) -> Zone {
            let name = try string(.zone)
            if let last = lastZone, last.identifier == name { return last }
            defer { lastZone = zones[name] }
            if let known = zones[name] { return known }
            guard let found = zone(name) else { throw ArchiveError() }
            zones[name] = found
            return found
        }

        mutating func language() throws(ArchiveError) -> Language {
            let code = try string()
            if let known = languages[code] { return known }
            guard let found = Language(code), found.code == code else { throw ArchiveError() }
            languages[code] = found
            return found
        }

        mutating func wallTime() throws(ArchiveError) -> WallTime {
            let date = try date()
            let seconds = try int()
            guard seconds >= 0,
                let time = LocalTime(hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60)
            else { throw ArchiveError() }
            return WallTime(
                local: LocalDateTime(date: date, time: time), zone: try zoneValue(),
                offset: try optional { r throws(ArchiveError) in try r.int() })
        }

        mutating func instant() throws(ArchiveError) -> Instant { Instant(secondsSince1970: Int64(try int())) }

        /// An interval; one that ends before it starts is refused (`Interval` traps on it).
        mutating func interval() throws(ArchiveError) -> Interval {
            let (start, end) = (try instant(), try instant())
            guard start <= end else { throw ArchiveError() }
            return Interval(start: start, end: end)
        }

        mutating func reference<T>() throws(ArchiveError) -> Reference<T> {
            Reference(Identifier(try string()), at: try location())
        }

        mutating func optionalString() throws(ArchiveError) -> String? {
            try self.optional { r throws(ArchiveError) in try r.string() }
        }

        mutating func person() throws(ArchiveError) -> Person.Fields {
            let id = Person.ID(try string())
            let name = try string()
            let givenName = try optionalString()
            let familyName = try optionalString()
            let email = try optionalString()
            let organisation = try optionalString()
            let city = try optionalString()
            let country = try optionalString()
            let homeZone = try optional { r throws(ArchiveError) in try r.zoneValue() }
            let languages = try list { r throws(ArchiveError) in try r.language() }
            let roles = Set(try list { r throws(ArchiveError) in try r.raw(Role.self) })
            let availability = try list { r throws(ArchiveError) in
                TimeWindow(
                    start: try r.wallTime(), end: try r.wallTime(),
                    interval: try r.optional { r throws(ArchiveError) in try r.interval() }, location: try r.location())
            }
            let journeys = try list { r throws(ArchiveError) in
                Journey(
                    direction: try r.raw(Journey.Direction.self), mode: try r.raw(Journey.Mode.self),
                    carrier: try r.optionalString(), number: try r.optionalString(), place: try r.optionalString(),
                    time: try r.wallTime(), instant: try r.optional { r throws(ArchiveError) in try r.instant() },
                    location: try r.location())
            }
            let stays = try list { r throws(ArchiveError) in
                Stay(
                    hotel: try r.reference(), checkIn: try r.date(), checkOut: try r.date(),
                    roomType: try r.optionalString(),
                    sharingWith: try r.list { r throws(ArchiveError) in try r.reference() }, location: try r.location())
            }
            let dietary = try list { r throws(ArchiveError) in try r.string() }
            let accessibility = try list { r throws(ArchiveError) in try r.string() }
            let consent = Consent(shareContact: try bool(), photos: try bool())
            let signUps: [Reference<Session>] = try list { r throws(ArchiveError) in try r.reference() }
            let bio = try optional { r throws(ArchiveError) in
                LocalizedText(english: try r.optionalString(), french: try r.optionalString())
            }
            let gender = try optionalString()
            let source = try optional { r throws(ArchiveError) in
                Provenance(file: try r.string(.provenance), record: try r.string())
            }
            return Person.Fields(
                id: id, name: name, givenName: givenName, familyName: familyName, email: email,
                organisation: organisation, city: city, country: country, homeZone: homeZone, languages: languages,
                roles: roles, availability: availability, journeys: journeys, stays: stays, dietary: dietary,
                accessibility: accessibility, consent: consent, signUps: signUps, bio: bio, gender: gender,
                source: source, location: try location(), localAddress: try optionalString(),
                needsHotel: try optional { r throws(ArchiveError) in try r.bool() },
                hotelPreference: try optionalString(), emergencyContact: try optionalString())
        }
    }
}

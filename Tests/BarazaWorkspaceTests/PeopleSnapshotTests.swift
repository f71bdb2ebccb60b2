import BarazaFolder
import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaWorkspace

/// A large people file's snapshot must give back exactly the people decoding its YAML gives, and a snapshot that
/// is damaged, or made for other bytes or another event zone, must never be taken for them.
struct PeopleSnapshotTests {
    /// People with every field a person can have, some written by hand (carriers, shared rooms, accessibility...).
    static func everyField() throws -> [Person] {
        let extra = """
              - id: full-house
                name: "Aïssata Maïga"
                gender: Female
                accessibility: [wheelchair access, "sign language: LSF"]
                local_address: "12 rue du Fleuve, Bamako"
                hotel_preference: near the venue
                emergency_contact: "+223 70 00 00 00"
                needs_hotel: no
                journeys:
                  - { direction: arrival, mode: flight, carrier: RwandAir, number: WB 711, place: KGL, time: "2027-03-22T07:10", timezone: Africa/Bamako }
                stays:
                  - { hotel: radisson, check_in: 2027-03-22, check_out: 2027-03-25, room_type: twin, sharing_with: [person-1, person-2] }
                bio: { fr: Urbaniste }
                consent: yes

            """
        let text = PeopleFastPathTests.file(400) + extra
        return try #require(PeopleFastPathTests.general(text))
    }

    static func decode(_ bytes: [UInt8]) throws -> [Person] {
        try bytes.withUnsafeBytes { try PersonArchive.decode($0, zone: { Zone(identifier: $0) }) }
    }

    @Test func theArchiveGivesBackEveryField() throws {
        let people = try Self.everyField()
        #expect(people.last?.journeys.first?.carrier == "RwandAir")
        #expect(people.last?.stays.first?.sharingWith.count == 2)
        #expect(try Self.decode(PersonArchive.encode(people)) == people)
        // The sample events' hand-written people too.
        for path in ["final-kigali-2027", "reflection-2027-02"] {
            let sample = try loader.load(directory: PeopleFastPathTests.events.appendingPathComponent(path).path).people
            #expect(try Self.decode(PersonArchive.encode(sample)) == sample, "\(path)")
        }
    }

    @Test func anArchiveCutShortIsRefused() throws {
        let bytes = PersonArchive.encode(try Self.everyField().suffix(3))
        for length in 0..<bytes.count {
            #expect(throws: PersonArchive.ArchiveError.self) { try Self.decode(Array(bytes.prefix(length))) }
        }
        #expect(throws: PersonArchive.ArchiveError.self) { try Self.decode(bytes + [0]) }
    }

    /// Bytes changed at random (behind the SHA-256 that normally refuses them): decoding throws or gives some
    /// people, and never traps, whatever the numbers and lengths then say.
    @Test func changedBytesNeverTrap() throws {
        let bytes = PersonArchive.encode(try Self.everyField().suffix(40))
        var state: UInt64 = 0x5EED
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var refused = 0
        for _ in 0..<3000 {
            var changed = bytes
            for _ in 0...(next() % 4) {
                let value = [0x00, 0xFF, 0x80, 0x7F, UInt8(truncatingIfNeeded: next())][next() % 5]
                changed[next() % changed.count] = value
            }
            if (try? Self.decode(changed)) == nil { refused += 1 }
        }
        #expect(refused > 0)
    }

    /// A workspace whose `people.yaml` is large enough for the fast path (and so for a snapshot).
    static func workspace() throws -> (folder: String, people: String) {
        let folder = ScratchFolders.url("snapshot")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let event = """
            event:
              id: snapshot
              title: { en: Snapshot, fr: Instantané }
              timezone: Africa/Kigali
              dates: { start: 2027-03-22, end: 2027-03-25 }
              organizer: { name: Secretariat, email: secretariat@example.org }
            include: [people.yaml]

            """
        try event.write(to: folder.appendingPathComponent("event.yaml"), atomically: true, encoding: .utf8)
        let people = folder.appendingPathComponent("people.yaml").path
        try PeopleFastPathTests.file(3000).write(toFile: people, atomically: true, encoding: .utf8)
        return (folder.path, people)
    }

    /// The people of a load reading and writing snapshots (as every command's), and of one without them.
    static func load(_ folder: String) throws -> (cached: [Person], plain: [Person]) {
        var plain = loader
        plain.usesPeopleSnapshot = false
        return (try loader.load(directory: folder).people, try plain.load(directory: folder).people)
    }

    static func snapshotFiles(_ folder: String) -> [String] {
        let cache = (folder as NSString).appendingPathComponent(".baraza/cache")
        return ((try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []).filter { $0.hasPrefix("people-") }
            .map { (cache as NSString).appendingPathComponent($0) }
    }

    @Test func aSnapshotIsReadBackOnlyWhileItsFileIsUnchanged() throws {
        let (folder, peopleFile) = try Self.workspace()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var plain = loader
        plain.usesPeopleSnapshot = false
        _ = try plain.load(directory: folder)
        #expect(Self.snapshotFiles(folder).isEmpty)
        let first = try Self.load(folder)
        #expect(first.cached == first.plain)
        #expect(first.plain.count == 3000)
        let snapshot = try #require(Self.snapshotFiles(folder).first)
        #expect(Self.snapshotFiles(folder).count == 1)

        // Read back: the same people, from the snapshot itself.
        let data = try Data(contentsOf: URL(fileURLWithPath: peopleFile))
        let workspaceFolder = try WorkspaceFolder(folder)
        let context = DecodingContext(event: try loader.load(directory: folder).event)
        let display = workspaceFolder.display("people.yaml")
        let kept = PeopleSnapshot(
            folder: workspaceFolder, relative: "people.yaml", file: display, digest: WorkspaceSources.digest(data),
            context: context)
        let lock = try workspaceFolder.lockForReading()
        #expect(kept.read() == first.plain)
        // Another event zone, or other bytes, is another key: not read.
        var elsewhere = context.event
        elsewhere.zone = try #require(Zone(identifier: "Africa/Bamako"))
        #expect(
            PeopleSnapshot(
                folder: workspaceFolder, relative: "people.yaml", file: display, digest: WorkspaceSources.digest(data),
                context: DecodingContext(event: elsewhere)
            ).read() == nil)
        #expect(
            PeopleSnapshot(
                folder: workspaceFolder, relative: "people.yaml", file: display,
                digest: WorkspaceSources.digest(data + Data("\n".utf8)),
                context: context
            ).read() == nil)
        // The workspace named another way (`./ws`, an absolute path): its people's locations differ, so not read.
        #expect(
            PeopleSnapshot(
                folder: workspaceFolder, relative: "people.yaml", file: "elsewhere/people.yaml",
                digest: WorkspaceSources.digest(data), context: context
            ).read() == nil)
        lock.release()

        // Damaged in every way a file can be: never read, the YAML decoded instead, the snapshot made again.
        let original = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        var damages: [Data] = [Data(), original.prefix(original.count / 2), original + Data([1])]
        for position in [7, 20, original.count / 3, original.count - 1] {
            var flipped = original
            flipped[position] ^= 0x20
            damages.append(flipped)
        }
        // A length with its highest bit set (the key's, then the first part's).
        for position in [7, 8 + kept.key.count + 15] {
            var huge = original
            huge[position] = 0xFF
            damages.append(huge)
        }
        for (k, damaged) in damages.enumerated() {
            try damaged.write(to: URL(fileURLWithPath: snapshot))
            let lock = try workspaceFolder.lockForReading()
            #expect(kept.read() == nil, "damage \(k)")
            lock.release()
            #expect(try Self.load(folder).cached == first.plain, "damage \(k)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: snapshot)) == original, "damage \(k)")
        }

        // The file edited: its new people, never the snapshot's.
        let edited = try String(contentsOfFile: peopleFile, encoding: .utf8)
            .replacingOccurrences(of: "name: \"Kofi Houngbédji 5\"", with: "name: \"Kofi Houngbédji Five\"")
        try edited.write(toFile: peopleFile, atomically: true, encoding: .utf8)
        let after = try Self.load(folder)
        #expect(after.cached == after.plain)
        #expect(after.cached.first { $0.id == "person-5" }?.name == "Kofi Houngbédji Five")
        #expect(Self.snapshotFiles(folder).count == 1)

        // The workspace named another way: its people's locations say so, and still one snapshot per file.
        let other = folder + "-link"
        try FileManager.default.createSymbolicLink(atPath: other, withDestinationPath: folder)
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(try loader.load(directory: other).people.first?.location.file == other + "/people.yaml")
        #expect(try loader.load(directory: other).people == plain.load(directory: other).people)
        #expect(try loader.load(directory: other).people == plain.load(directory: other).people)
        #expect(Self.snapshotFiles(folder).count == 1)
    }
}

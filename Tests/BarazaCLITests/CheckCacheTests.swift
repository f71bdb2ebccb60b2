import BarazaTestSupport
import Foundation
import Testing

/// `baraza check` keeps its report in `.baraza/cache/` (see `WorkspaceResultCache`): whatever happens to the files
/// between runs, a run with the cache prints exactly what a run without it prints.
@Suite(.serialized)
struct CheckCacheTests {
    static let sample = packageRoot.appendingPathComponent("events/final-kigali-2027").path
    static let on: [String: String?] = ["BARAZA_CACHE": "on"]
    static let off: [String: String?] = ["BARAZA_CACHE": "off"]

    /// A copy of the sample event in a scratch folder; commands run in `root` and name it `ws`.
    struct Copy {
        let root: String
        var workspace: String { root + "/ws" }

        /// With `guests`, the copy includes `guests.yaml`: that many more people, a file large enough (from 2,000
        /// on) for the loader to keep its decoded people as a snapshot in the cache.
        init(guests: Int = 0) throws {
            root =
                ScratchFolders.url("check-cache")
                .path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try ScratchFolders.copyWorkspace(
                at: URL(fileURLWithPath: CheckCacheTests.sample), to: URL(fileURLWithPath: workspace))
            guard guests > 0 else { return }
            try write(
                try text("event.yaml").replacingOccurrences(
                    of: "  - people.yaml\n", with: "  - people.yaml\n  - guests.yaml\n"), "event.yaml")
            var people = "people:\n"
            for n in 0..<guests {
                people +=
                    "  - id: guest-\(n)\n    name: \"Guest Nyirahabimana \(n)\"\n    email: guest.\(n)@example.org\n"
                people +=
                    "    organisation: Kigali City\n    country: RW\n    languages: [\(n % 3 == 0 ? "en" : "fr, rw")]\n"
                people += "    consent: { share_contact: \(n % 2 == 0), photos: false }\n"
                if n % 50 == 0 {
                    people +=
                        "    journeys: [{ direction: arrival, mode: bus, time: \"2027-03-2\(n % 3 + 1)T0\(n % 9):15\" }]\n"
                }
            }
            try write(people, "guests.yaml")
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        func text(_ file: String) throws -> String {
            try String(contentsOfFile: workspace + "/" + file, encoding: .utf8)
        }
        func write(_ text: String, _ file: String) throws {
            try text.write(toFile: workspace + "/" + file, atomically: false, encoding: .utf8)
        }

        /// With the cache on twice (the second run reads what the first kept) and off once, in `formats`.
        func agree(_ step: String, formats: [String] = ["text", "json"]) throws {
            for format in formats {
                let args = ["check", "ws", "--format", format]
                let first = try runBaraza(args, in: URL(fileURLWithPath: root), environment: CheckCacheTests.on)
                let second = try runBaraza(args, in: URL(fileURLWithPath: root), environment: CheckCacheTests.on)
                let plain = try runBaraza(args, in: URL(fileURLWithPath: root), environment: CheckCacheTests.off)
                for run in [first, second] {
                    #expect(run.stdout == plain.stdout, "\(step), \(format)")
                    #expect(run.stderr == plain.stderr, "\(step), \(format)")
                    #expect(run.exitCode == plain.exitCode, "\(step), \(format)")
                }
            }
        }
    }

    @Test func aSecondRunPrintsTheSameReportFromTheCache() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.write(try copy.text("sessions.yaml").replacingOccurrences(of: "T10:", with: "T09:"), "sessions.yaml")
        try copy.agree("a clash")
        let cache = copy.workspace + "/.baraza/cache"
        let kept = try FileManager.default.contentsOfDirectory(atPath: cache).filter { !$0.hasPrefix(".") }
        #expect(kept.count == 2)
        // The folder keeps its own `.gitignore`.
        #expect(FileManager.default.fileExists(atPath: copy.workspace + "/.baraza/.gitignore"))
    }

    @Test func aDamagedCacheIsRebuiltSilently() throws {
        let copy = try Copy()
        defer { copy.remove() }
        try copy.agree("first")
        let cache = copy.workspace + "/.baraza/cache"
        for (index, name) in try FileManager.default.contentsOfDirectory(atPath: cache).sorted().enumerated() {
            let path = cache + "/" + name
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            switch index % 3 {
            case 0: try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
            case 1: try Data("garbage".utf8).write(to: URL(fileURLWithPath: path))
            default:
                var changed = data
                changed[changed.count - 3] ^= 0x20
                try changed.write(to: URL(fileURLWithPath: path))
            }
        }
        try copy.agree("damaged cache")
    }

    /// Edits, renames, touches, truncations, same-size edits with the old times, links and materials, in a seeded
    /// random order: after each, runs with the cache print what a run without it prints. With `guests`, a large
    /// people file (whose decoded people the cache keeps too) is among the files changed.
    @Test(arguments: zip([UInt64(1), 2, 3], [0, 0, 2500]))
    func whateverChangesTheCacheNeverChangesAResult(seed: UInt64, guests: Int) throws {
        let copy = try Copy(guests: guests)
        defer { copy.remove() }
        var random = SeededGenerator(seed: seed)
        let files =
            ["event.yaml", "sessions.yaml", "people.yaml", "venues.yaml", "hotels.yaml", "logistics.yaml"]
            + (guests > 0 ? ["guests.yaml", "guests.yaml", "guests.yaml"] : [])
        var originals: [String: String] = [:]
        for file in files { originals[file] = try copy.text(file) }
        let material = "materials/opening-plenary/network-results-slides.pdf"
        try copy.agree("start")
        if guests > 0 {
            let kept = try FileManager.default.contentsOfDirectory(atPath: copy.workspace + "/.baraza/cache")
            #expect(kept.contains { $0.hasPrefix("people-") }, "the guests' snapshot is kept")
        }
        for step in 0..<9 {
            let file = files[Int(random.next() % UInt64(files.count))]
            let path = copy.workspace + "/" + file
            let text = try copy.text(file)
            let action: String
            switch random.next() % 9 {
            case 0:
                action = "touch \(file)"
                try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
            case 1:
                action = "truncate \(file)"
                let cut = Int(random.next() % UInt64(max(1, text.utf8.count)))
                try Data(text.utf8.prefix(cut)).write(to: URL(fileURLWithPath: path))
            case 2:
                action = "restore every file"
                for (name, original) in originals { try copy.write(original, name) }
            case 3:
                action = "rename \(file) away and back later"
                try FileManager.default.moveItem(atPath: path, toPath: path + ".moved")
                try copy.agree("step \(step): \(action)", formats: ["text"])
                try FileManager.default.moveItem(atPath: path + ".moved", toPath: path)
            case 4:
                action = "same size, same time: a digit in \(file)"
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                var bytes = Array(text.utf8)
                if let digit = bytes.indices.filter({ bytes[$0] >= 0x31 && bytes[$0] <= 0x38 }).randomElement(
                    using: &random)
                {
                    bytes[digit] += 1
                }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                try FileManager.default.setAttributes(
                    [.modificationDate: attributes[.modificationDate] as Any], ofItemAtPath: path)
            case 5:
                action = "clash in sessions.yaml"
                try copy.write(
                    try copy.text("sessions.yaml").replacingOccurrences(of: "T11:", with: "T09:"), "sessions.yaml")
            case 6:
                action = "toggle the material"
                let at = copy.workspace + "/" + material
                if FileManager.default.fileExists(atPath: at) {
                    try FileManager.default.removeItem(atPath: at)
                } else {
                    try Data("%PDF-1.4\n".utf8).write(to: URL(fileURLWithPath: at))
                }
            case 7:
                action = "people.yaml becomes a link to a copy"
                // (It may be such a link already: its text is read through it first.)
                let people = copy.workspace + "/people.yaml"
                let changed = try copy.text("people.yaml").replacingOccurrences(of: "fr", with: "en")
                try FileManager.default.removeItem(atPath: people)
                try? FileManager.default.removeItem(atPath: copy.workspace + "/people-copy.yaml")
                try copy.write(changed, "people-copy.yaml")
                try FileManager.default.createSymbolicLink(atPath: people, withDestinationPath: "people-copy.yaml")
            default:
                action = "add a people-overrides.yaml"
                try copy.write("overrides: []\n", "people-overrides.yaml")
            }
            try copy.agree("step \(step): \(action)", formats: [step % 2 == 0 ? "text" : "json"])
        }
    }
}

/// SplitMix64: the same seed gives the same steps on every machine.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

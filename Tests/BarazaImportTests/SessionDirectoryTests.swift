import BarazaModel
import BarazaTestSupport
import Testing

@testable import BarazaImport

/// A session answer naming no session gets the did-you-mean of ``nearest(to:in:)`` over every id and title, which
/// the directory finds without measuring the names too long or too short to be near.
struct SessionDirectoryTests {
    /// The hint as ``nearest(to:in:)`` over all names gives it.
    static func reference(_ answer: String, sessions: [(id: String, titles: [String])]) -> String {
        let names = sessions.flatMap { session in ([session.id] + session.titles).map { ($0, session.id) } }
        guard let near = nearest(to: answer, in: names.map(\.0)), let id = names.first(where: { $0.0 == near })?.1
        else {
            return sessions.isEmpty
                ? "; the workspace has no sessions yet: import the agenda, then this export again" : ""
        }
        return near == id ? "; did you mean `\(id)`?" : "; did you mean `\(id)` (\(near))?"
    }

    @Test func hintsAreTheNearestIdOrTitle() {
        var random = SeededGenerator(seed: 5)
        let pieces = ["a", "B", "é", "1", "-", " ", "Atelier", "session", "É", "x", "ß", "İ", "e\u{301}"]
        var hints = 0
        for _ in 0..<200 {
            var sessions: [(id: String, titles: [String])] = []
            for index in 0..<random.below(30) {
                let id = "s\(index)" + random.string(from: pieces, maxLength: 3)
                var titles: [String] = []
                for _ in 0..<random.below(3) { titles.append(random.string(from: pieces, maxLength: 12)) }
                sessions.append((id, titles))
            }
            let directory = SessionDirectory(sessions: sessions)
            for _ in 0..<20 {
                let answer = random.string(from: pieces, maxLength: 10)
                let expected = Self.reference(answer, sessions: sessions)
                #expect(directory.hint(answer) == expected, "\(answer.debugDescription) in \(sessions)")
                if expected.hasPrefix("; did you mean") { hints += 1 }
            }
        }
        #expect(hints > 100)
    }
}

import BarazaModel
import BarazaTestSupport
import PropertyBased
import Testing

@testable import BarazaChecks

/// The language rule reads sign-ups as positions in `people`; on random workspaces it must name exactly the people
/// an all-sign-ups reading names, in the same order, and agree with its incremental form.
struct LanguageRulePropertyTests {
    static let languages = ["en", "fr", "ar", "pt"].map { Language($0)! }
    static let people = ["kossi-agbo", "aicha-ben-salah", "maria-nhantumbo", "ines-cisse"]

    /// One session: its language (0: none), interpretation (bits), sign-ups (indices into `people`, 4 naming
    /// nobody), repeated at will.
    struct RandomSession: Sendable {
        var language: Int
        var interpretation: Int
        var signUps: [Int]
    }

    static func workspaces() -> Generator<([Int], [RandomSession]), some SendableSequenceType> {
        let session = zip(Gen.int(in: 0...4), Gen.int(in: 0...15), Gen.int(in: 0...4).array(of: 0...6))
            .map { RandomSession(language: $0.0, interpretation: $0.1, signUps: $0.2) }
        // Each person's languages as bits (0: none given).
        return zip(Gen.int(in: 0...15).array(of: 4...4), session.array(of: 1...8))
    }

    static func build(_ spoken: [Int], _ random: [RandomSession]) -> Workspace {
        func chosen(_ bits: Int) -> [Language] {
            languages.indices.filter { bits & (1 << $0) != 0 }.map { languages[$0] }
        }
        var b = WorkspaceBuilder()
        b.venue("kcc", rooms: ["auditorium"])
        for (id, bits) in zip(people, spoken) { b.person(id, languages: chosen(bits), roles: [.participant]) }
        for (index, s) in random.enumerated() {
            b.session(
                "s\(index)", interval: Interval(start: .init(secondsSince1970: 0), end: .init(secondsSince1970: 3600)),
                venue: "kcc", room: "auditorium",
                signUps: s.signUps.map { $0 < people.count ? people[$0] : "nobody" })
        }
        var w = b.build()
        for (index, s) in random.enumerated() {
            w.sessions[index].language = s.language == 0 ? nil : languages[s.language - 1]
            w.sessions[index].interpretation = chosen(s.interpretation)
        }
        return w
    }

    /// Every sign-up read in turn: the known people with languages, none of them covered, each once.
    static func leftOutByHand(_ w: Workspace, _ session: Session) -> [String] {
        guard let language = session.language else { return [] }
        let covered = [language] + session.interpretation
        var left: [String] = []
        for ref in session.signUps where !left.contains(ref.id.rawValue) {
            guard let person = w.people.first(where: { $0.id == ref.id }), !person.languages.isEmpty,
                person.languages.allSatisfy({ !covered.contains($0) })
            else { continue }
            left.append(ref.id.rawValue)
        }
        return left
    }

    @Test func thePeopleLeftOutAreThoseAnAllSignUpsReadingFinds() async {
        var nonEmpty = 0
        await propertyCheck(count: 300, input: Self.workspaces()) { input in
            let w = Self.build(input.0, input.1)
            // (Four languages: the rule reads people's languages as bits.)
            #expect(PeopleFacts(w).languages != nil)
            let findings = LanguageRule().check(w)
            var expected: [[String]] = []
            for session in w.sessions {
                let left = Self.leftOutByHand(w, session)
                #expect(
                    LanguageRule.leftOut(session, room: w.room(of: session), people: w.peopleByID).map(\.id.rawValue)
                        == left)
                if !left.isEmpty { expected.append(["session:\(session.id)"] + left.map { "person:\($0)" }) }
            }
            #expect(findings.map { $0.subjects.map { "\($0.kind.rawValue):\($0.id)" } } == expected)
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty >= 100, "only \(nonEmpty) of 300 workspaces left someone out")
    }

    /// People speaking more languages than bits fit in are read one by one, with the same result: 70 people, each
    /// speaking a language of their own (and one also English), in sessions given in one of those languages.
    @Test func peopleSpeakingMoreThan64LanguagesAreReadOneByOne() {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let own = (0..<70).map { Language("q" + String(letters[$0 / 26]) + String(letters[$0 % 26]))! }
        var b = WorkspaceBuilder()
        b.venue("kcc", rooms: ["auditorium"])
        for (n, language) in own.enumerated() {
            b.person("p\(n)", languages: n % 7 == 0 ? [language, .english] : [language], roles: [.participant])
        }
        for s in 0..<10 {
            b.session(
                "s\(s)", interval: Interval(start: .init(secondsSince1970: 0), end: .init(secondsSince1970: 3600)),
                venue: "kcc", room: "auditorium", signUps: (0..<70).filter { $0 % 10 != s }.map { "p\($0)" })
        }
        var w = b.build()
        for s in 0..<10 {
            w.sessions[s].language = own[s * 7]
            w.sessions[s].interpretation = s % 2 == 0 ? [.english] : []
        }
        // Over 64 in all but not in any one run of people (two runs of 35): still too many.
        #expect(PeopleFacts(w).languages == nil && PeopleFacts(w, pieces: 2).languages == nil)
        let expected = w.sessions.map { session in
            ["session:\(session.id)"] + Self.leftOutByHand(w, session).map { "person:\($0)" }
        }
        #expect(expected.allSatisfy { $0.count > 50 })
        #expect(LanguageRule().check(w).map { $0.subjects.map { "\($0.kind.rawValue):\($0.id)" } } == expected)
    }
}

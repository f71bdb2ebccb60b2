import BarazaParallel

/// `Session.attendees` by position (who is booked for which session, not who checked in): each session's sign-ups
/// as positions in `people`, and each person's sessions as positions in `sessions`. Built once with the
/// workspace, so that the checks and exports that walk 100,000 people's 400,000 sign-ups hash each id once, and
/// read people and sessions in place.
///
/// An id shared by several people (which a loaded workspace never has) stands for the first of them, as in
/// ``PeopleByID``; ids of no one in `people` are left out (the unknown-reference rule reports them).
public struct SessionAttendees: Sendable {
    /// For each session, in `sessions` order, the positions of its sign-ups in the order written (a person written
    /// twice is there twice).
    public let signUps: [[Int]]
    /// Each person's sessions, one list after the other, and where each person's list starts (`people.count + 1`
    /// bounds).
    private let sessionIndices: [Int]
    private let starts: [Int]

    /// The attendees of `sessions` (speakers, moderators and sign-ups) among `people` people found by `byID`.
    public init(sessions: [Session], people: Int, byID: PeopleByID) {
        self.init(sessions: sessions, people: people, byID: byID, pieces: people >= Self.parallelPeople ? 8 : 1)
    }

    /// The same, with ids resolved by `pieces` ranges of sessions on every core; then each person's sessions are
    /// sorted out by counting, in range order, which is programme order.
    init(sessions: [Session], people: Int, byID: PeopleByID, pieces: Int) {
        let ranges = pieceRanges(sessions.count, pieces: pieces)
        let resolved = parallelMap(ranges.count) { k in
            Self.resolve(sessions, ranges[k], people: people, byID: byID)
        }
        var starts = [Int](repeating: 0, count: people + 1)
        for piece in resolved {
            for (person, _) in piece.pairs { starts[person + 1] += 1 }
        }
        for position in 0..<people { starts[position + 1] += starts[position] }
        var next = starts
        var sessionIndices = [Int](repeating: 0, count: starts[people])
        for piece in resolved {
            for (person, session) in piece.pairs {
                sessionIndices[next[person]] = session
                next[person] += 1
            }
        }
        signUps = resolved.flatMap(\.signUps)
        self.sessionIndices = sessionIndices
        self.starts = starts
    }

    /// From this many people on, ids are resolved on every core.
    static let parallelPeople = 5000

    /// The sessions of `range`: each one's sign-ups as positions, and who attends what, in programme order, each
    /// pair once.
    private static func resolve(_ sessions: [Session], _ range: Range<Int>, people: Int, byID: PeopleByID) -> (
        signUps: [[Int]], pairs: [(person: Int, session: Int)]
    ) {
        var signUps: [[Int]] = []
        signUps.reserveCapacity(range.count)
        var pairs: [(person: Int, session: Int)] = []
        var lastSession = [Int](repeating: -1, count: people)
        for index in range {
            let session = sessions[index]
            func attends(_ position: Int) {
                guard lastSession[position] != index else { return }
                lastSession[position] = index
                pairs.append((position, index))
            }
            for reference in session.speakers { if let p = byID.position(of: reference.id) { attends(p) } }
            for reference in session.moderators { if let p = byID.position(of: reference.id) { attends(p) } }
            var positions: [Int] = []
            positions.reserveCapacity(session.signUps.count)
            for reference in session.signUps {
                guard let p = byID.position(of: reference.id) else { continue }
                positions.append(p)
                attends(p)
            }
            signUps.append(positions)
        }
        return (signUps, pairs)
    }

    /// The positions in `sessions` of the sessions the person at `position` in `people` attends (speaking,
    /// moderating or signed up; `Session.attendees`), in programme order, each once.
    public func sessions(attendedByPersonAt position: Int) -> ArraySlice<Int> {
        sessionIndices[starts[position]..<starts[position + 1]]
    }
}

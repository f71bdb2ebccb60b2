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
        var signUps: [[Int]] = []
        signUps.reserveCapacity(sessions.count)
        // Who attends what, in programme order, each pair once; then sorted by person (counting, so stable).
        var pairs: [(person: Int, session: Int)] = []
        var counts = [Int](repeating: 0, count: people + 1)
        var lastSession = [Int](repeating: -1, count: people)
        for (index, session) in sessions.enumerated() {
            func attends(_ position: Int) {
                guard lastSession[position] != index else { return }
                lastSession[position] = index
                counts[position + 1] += 1
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
        for position in 0..<people { counts[position + 1] += counts[position] }
        var next = counts
        var sessionIndices = [Int](repeating: 0, count: pairs.count)
        for (person, session) in pairs {
            sessionIndices[next[person]] = session
            next[person] += 1
        }
        self.signUps = signUps
        self.sessionIndices = sessionIndices
        starts = counts
    }

    /// The positions in `sessions` of the sessions the person at `position` in `people` attends (speaking,
    /// moderating or signed up; `Session.attendees`), in programme order, each once.
    public func sessions(attendedByPersonAt position: Int) -> ArraySlice<Int> {
        sessionIndices[starts[position]..<starts[position + 1]]
    }
}

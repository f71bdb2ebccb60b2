import BarazaModel

/// Each session's sign-ups as positions in `people`, resolved once per check run and shared by the rules that
/// walk every sign-up (100,000 imported people sign up about 400,000 times): each id is hashed once per run, and
/// the rules read people in place by position.
struct SignUpPositions: Sendable {
    /// For each session, in `sessions` order, the position in `people` of each sign-up, in the order written (a
    /// person written twice is there twice). An id shared by several people stands for the first of them, as in
    /// `peopleByID`, which finds them; sign-ups of nobody in `people` are left out (the unknown-reference rule
    /// reports them).
    let bySession: [[Int]]

    init(_ w: Workspace) {
        bySession = w.sessions.map { session in session.signUps.compactMap { w.peopleByID.position(of: $0.id) } }
    }

    /// The positions of `w`, made once per check run (kept in the run's memo) or, outside a run, now.
    static func of(_ w: Workspace) -> SignUpPositions {
        guard let memo = w.memo else { return SignUpPositions(w) }
        return memo.value("sign-up positions") { SignUpPositions(w) }
    }
}

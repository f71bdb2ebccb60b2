import BarazaModel

/// Each person's languages as bits, one per language the workspace's people speak, made once per check run: the
/// language rule then reads 400,000 sign-ups from one contiguous list of numbers instead of reaching into each
/// person's storage for their languages.
///
/// Nil when people speak more than 64 languages; the rule then reads each person's languages.
struct SpokenLanguages: Sendable {
    /// The bit of each language someone speaks.
    let bits: [Language: UInt64]
    /// For each person, in `people` order, the bits of the languages they speak (0: none given).
    let byPerson: [UInt64]

    init?(_ w: Workspace) {
        var bits: [Language: UInt64] = [:]
        var byPerson: [UInt64] = []
        byPerson.reserveCapacity(w.people.count)
        for person in w.people {
            var mask: UInt64 = 0
            for language in person.languages {
                if let bit = bits[language] {
                    mask |= bit
                } else {
                    guard bits.count < 64 else { return nil }
                    let bit = UInt64(1) << UInt64(bits.count)
                    bits[language] = bit
                    mask |= bit
                }
            }
            byPerson.append(mask)
        }
        self.bits = bits
        self.byPerson = byPerson
    }

    /// The bits of `languages` (those nobody speaks have none).
    func mask(_ languages: [Language]) -> UInt64 { languages.reduce(0) { $0 | (bits[$1] ?? 0) } }

    /// The languages of `mask`, sorted.
    func languages(_ mask: UInt64) -> [Language] { bits.filter { $0.value & mask != 0 }.keys.sorted() }

    /// Whether the person at `position` gave languages and speaks none of `covered` (a ``mask(_:)``).
    func isLeftOut(_ position: Int, covered: UInt64) -> Bool {
        byPerson[position] != 0 && byPerson[position] & covered == 0
    }

    /// The languages of `w`, made once per check run (kept in the run's memo) or, outside a run, now.
    static func of(_ w: Workspace) -> SpokenLanguages? {
        guard let memo = w.memo else { return SpokenLanguages(w) }
        return memo.value("spoken languages") { SpokenLanguages(w) }
    }
}

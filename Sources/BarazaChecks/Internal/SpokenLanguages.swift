import BarazaModel

/// Each person's languages as bits, one per language the workspace's people speak, made once per check run with
/// the other ``PeopleFacts``: the language rule then reads 400,000 sign-ups from one contiguous list of numbers
/// instead of reaching into each person's storage for their languages.
///
/// There are none when people speak more than 64 languages; the rule then reads each person's languages.
struct SpokenLanguages: Sendable {
    /// The bit of each language someone speaks.
    let bits: [Language: UInt64]
    /// For each person, in `people` order, the bits of the languages they speak (0: none given).
    let byPerson: [UInt64]

    private init(bits: [Language: UInt64], byPerson: [UInt64]) {
        self.bits = bits
        self.byPerson = byPerson
    }

    /// Gathers each person's bits in turn, in `people` order.
    struct Builder {
        private var bits: [Language: UInt64] = [:]
        private var byPerson: [UInt64] = []
        private var overflowed = false

        init(count: Int) { byPerson.reserveCapacity(count) }

        /// Adds the next person, who speaks `languages`.
        mutating func add(_ languages: [Language]) {
            guard !overflowed else { return }
            var mask: UInt64 = 0
            for language in languages {
                if let bit = bits[language] {
                    mask |= bit
                } else if bits.count < 64 {
                    let bit = UInt64(1) << UInt64(bits.count)
                    bits[language] = bit
                    mask |= bit
                } else {
                    overflowed = true
                    return
                }
            }
            byPerson.append(mask)
        }

        /// The languages gathered; nil when there were more than 64.
        var built: SpokenLanguages? { overflowed ? nil : SpokenLanguages(bits: bits, byPerson: byPerson) }
    }

    /// The languages of consecutive runs of people, each gathered by its own builder, as one builder would have
    /// gathered them all: bits numbered by first appearance (a run's new languages after those of the runs
    /// before it), and nil past 64 languages.
    static func joined(_ parts: [Builder]) -> SpokenLanguages? {
        var bits: [Language: UInt64] = [:]
        var byPerson: [UInt64] = []
        for part in parts {
            guard let gathered = part.built else { return nil }
            // The run's bit number k stands for `renumbered[k]`.
            var renumbered: [UInt64] = []
            for (language, _) in gathered.bits.sorted(by: { $0.value < $1.value }) {
                if let known = bits[language] {
                    renumbered.append(known)
                } else {
                    guard bits.count < 64 else { return nil }
                    let bit = UInt64(1) << UInt64(bits.count)
                    bits[language] = bit
                    renumbered.append(bit)
                }
            }
            byPerson.reserveCapacity(byPerson.count + gathered.byPerson.count)
            for mask in gathered.byPerson {
                var rest = mask
                var joined: UInt64 = 0
                while rest != 0 {
                    joined |= renumbered[rest.trailingZeroBitCount]
                    rest &= rest - 1
                }
                byPerson.append(joined)
            }
        }
        return SpokenLanguages(bits: bits, byPerson: byPerson)
    }

    /// The bits of `languages` (those nobody speaks have none).
    func mask(_ languages: [Language]) -> UInt64 { languages.reduce(0) { $0 | (bits[$1] ?? 0) } }

    /// The languages of `mask`, sorted.
    func languages(_ mask: UInt64) -> [Language] { bits.filter { $0.value & mask != 0 }.keys.sorted() }

    /// Whether the person at `position` gave languages and speaks none of `covered` (a ``mask(_:)``).
    func isLeftOut(_ position: Int, covered: UInt64) -> Bool {
        byPerson[position] != 0 && byPerson[position] & covered == 0
    }

    /// The languages of `w`, made once per check run with the other ``PeopleFacts`` or, outside a run, now.
    static func of(_ w: Workspace) -> SpokenLanguages? { PeopleFacts.of(w).languages }
}

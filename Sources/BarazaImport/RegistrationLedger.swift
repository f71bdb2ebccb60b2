import BarazaModel

extension RegistrationImport {
    /// What pass 1 keeps, entered record by record in file order: the spooled people, who is a duplicate of whom,
    /// and the records refused.
    struct Ledger {
        let spool: RegistrationSpool
        var people = EmailIndex()
        /// Per person (index in `people`): the ordinals of the records dropped in favour of a later submission.
        var dropped: [Int: [Int]] = [:]
        var badRecords: [BadRecord] = []
        var alreadyInWorkspace: [BadRecord] = []
        var truncated: [BadRecord] = []
        var droppedAnswers: [BadRecord] = []
        /// Per person (index in `people`): the id its first record's name suggests.
        var slugs: [String] = []

        init(spool: RegistrationSpool) { self.spool = spool }

        /// Enters batches of normalised records, in file order.
        mutating func enter(_ batches: [NormaliseJob.Rendered]) throws(ImportError) {
            for rendered in batches {
                for (offset, record) in rendered.results.enumerated() {
                    let ordinal = rendered.firstOrdinal + offset
                    switch record.outcome {
                    case .invalid(let problems):
                        badRecords += problems
                    case .elsewhere(let problem):
                        alreadyInWorkspace.append(problem)
                    case .person(let email, let recordID, let submittedAt, let text, let slug):
                        truncated += record.truncated
                        droppedAnswers += record.notes
                        try spool.add(
                            ordinal: ordinal, text: rendered.text[text], recordID: recordID, email: email,
                            line: record.line)
                        let (index, inserted) = try people.insert(
                            email, ordinal: ordinal, submittedAt: submittedAt, spool: spool)
                        guard !inserted else {
                            slugs.append(slug)
                            continue
                        }
                        // The latest submission wins; without submission times, the later record in the file.
                        if RegistrationImport.isNewer(submittedAt, than: people.entries[index].submittedAt) {
                            dropped[index, default: []].append(people.entries[index].ordinal)
                            people.entries[index].ordinal = ordinal
                            people.entries[index].submittedAt = submittedAt
                        } else {
                            dropped[index, default: []].append(ordinal)
                        }
                    }
                }
            }
        }
    }

    /// Whether submission time `a` wins over `b`: the later one; without times, the later record.
    static func isNewer(_ a: Instant?, than b: Instant?) -> Bool {
        switch (a, b) {
        case (let a?, let b?): return a >= b
        case (nil, .some): return false
        default: return true
        }
    }
}

/// The people of one import keyed by email, compactly: a 64-bit hash of each email maps to a 16-byte entry in a
/// flat array. A hash match is confirmed against the email of the entry's first record, read back from the
/// ``RegistrationSpool`` (only duplicates and true collisions pay that read); distinct emails with equal hashes go to a
/// small overflow table. Per person: 16 bytes plus a hash-table slot (12 bytes at a load of at most 3/4).
struct EmailIndex {
    /// One person: the email's first record, the winning record so far and its submission time.
    struct Entry {
        /// Seconds since 1970, `Int64.min` when the record gave no submission time.
        var submittedSeconds: Int64
        var firstOrdinal32: Int32
        var ordinal32: Int32

        var firstOrdinal: Int { Int(firstOrdinal32) }
        var ordinal: Int {
            get { Int(ordinal32) }
            set { ordinal32 = Int32(newValue) }
        }
        var submittedAt: Instant? {
            get { submittedSeconds == .min ? nil : Instant(secondsSince1970: submittedSeconds) }
            set { submittedSeconds = newValue?.secondsSince1970 ?? .min }
        }
    }

    /// In order of first record (so also of person id).
    var entries: [Entry] = []
    private var byHash: [UInt64: Int32] = [:]
    private var overflow: [String: Int] = [:]
    /// The hash of an email (a test may pass a weak one to exercise collisions).
    private let hash: (String) -> UInt64

    /// An empty index; `hash` defaults to the standard library's seeded hash.
    init(hash: @escaping (String) -> UInt64 = EmailIndex.standardHash) {
        self.hash = hash
    }

    static func standardHash(_ email: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(email)
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    /// The entry of `email`, inserted with this record when new. Ordinals must fit 32 bits, and every earlier
    /// entry's first record must be in `spool`.
    mutating func insert(_ email: String, ordinal: Int, submittedAt: Instant?, spool: RegistrationSpool)
        throws(ImportError) -> (index: Int, inserted: Bool)
    {
        let hash = hash(email)
        if let found = byHash[hash] {
            if try spool.hasEmail(entries[Int(found)].firstOrdinal, email) { return (Int(found), false) }
            if let other = overflow[email] { return (other, false) }
            overflow[email] = entries.count
        } else {
            byHash[hash] = Int32(entries.count)
        }
        entries.append(
            Entry(
                submittedSeconds: submittedAt?.secondsSince1970 ?? .min, firstOrdinal32: Int32(ordinal),
                ordinal32: Int32(ordinal)))
        return (entries.count - 1, true)
    }
}

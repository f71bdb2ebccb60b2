import BarazaModel
import BarazaXML

extension RegistrationImport {
    /// What a normalising worker does with a batch of records: validate and normalise each, and render the YAML
    /// of each person not already held elsewhere in the workspace. Shares only what it reads.
    struct NormaliseJob {
        let elsewhere: [String: String]
        let render: Bool
        let source: String
        let zone: Zone
        let displayPath: String

        /// One record, normalised.
        struct Result {
            enum Outcome {
                case invalid([BadRecord])
                case elsewhere(BadRecord)
                /// A person, whose YAML is `text` in the batch's ``Rendered/text``.
                case person(email: String, recordID: String, submittedAt: Instant?, text: Range<Int>, slug: String)
            }
            var line: Int
            var outcome: Outcome
            /// The answers cut to their field's limit.
            var truncated: [BadRecord] = []
            /// Answers dropped or doubted, the record kept.
            var notes: [BadRecord] = []
        }

        /// A batch's records, normalised, and their people's YAML back to back.
        struct Rendered {
            /// The number of the batch's first record in the export.
            var firstOrdinal = 0
            var results: [Result] = []
            var text: [UInt8] = []
        }

        func run(_ batch: FormRecordBatch, firstOrdinal: Int, normaliser: inout RecordNormaliser) -> Rendered {
            var rendered = Rendered(firstOrdinal: firstOrdinal)
            rendered.results.reserveCapacity(batch.count)
            if render { rendered.text.reserveCapacity(batch.count * 512) }
            for index in 0..<batch.count {
                let line = batch.entries[index].line
                let start = rendered.text.count
                switch normaliser.person(
                    batch, index, ordinal: firstOrdinal + index, render: render ? source : nil, zone: zone,
                    into: &rendered.text)
                {
                case .invalid(let problems):
                    rendered.results.append(Result(line: line, outcome: .invalid(problems)))
                case .person(let person):
                    rendered.results.append(self.person(person, text: start..<rendered.text.count, line: line))
                }
            }
            return rendered
        }

        /// A valid person, unless the email belongs to someone elsewhere in the workspace (its YAML, rendered all
        /// the same, is then left unused).
        private func person(_ person: RecordNormaliser.Person, text: Range<Int>, line: Int) -> Result {
            if let owner = elsewhere[person.email] {
                let problem = BadRecord(
                    location: "\(displayPath):\(line)", record: person.recordID, field: "email",
                    reason: "already registered as person `\(owner)` elsewhere in the workspace; skipped")
                return Result(line: line, outcome: .elsewhere(problem))
            }
            return Result(
                line: line,
                outcome: .person(
                    email: person.email, recordID: person.recordID, submittedAt: person.submittedAt, text: text,
                    slug: RegistrationImport.slug(person.name)),
                truncated: person.truncated, notes: person.notes)
        }
    }
}

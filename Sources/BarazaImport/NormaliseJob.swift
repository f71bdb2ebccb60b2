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
                let ordinal = firstOrdinal + index
                let line = batch.entries[index].line
                let start = rendered.text.count
                if let fast = normaliser.fastPerson(
                    batch, index, ordinal: ordinal, render: render ? source : nil, zone: zone, into: &rendered.text)
                {
                    rendered.results.append(
                        person(
                            fast.email, fast.recordID, fast.submittedAt, start..<rendered.text.count, line: line,
                            slug: RegistrationImport.slug(fast.name)))
                    continue
                }
                let record = batch.record(index)
                switch normaliser.person(record, ordinal: ordinal) {
                case .invalid(let problems):
                    rendered.results.append(Result(line: line, outcome: .invalid(problems)))
                case .person(let person):
                    if render && elsewhere[person.email] == nil {
                        RegistrationImport.appendBody(person, source: source, zone: zone, to: &rendered.text)
                    }
                    var result = self.person(
                        person.email, person.recordID, person.submittedAt, start..<rendered.text.count, line: line,
                        slug: RegistrationImport.slug(person.name))
                    result.truncated = person.truncated
                    result.notes = person.notes
                    rendered.results.append(result)
                }
            }
            return rendered
        }

        /// A valid person, unless the email belongs to someone elsewhere in the workspace.
        private func person(
            _ email: String, _ recordID: String, _ submittedAt: Instant?, _ text: Range<Int>, line: Int, slug: String
        ) -> Result {
            if let owner = elsewhere[email] {
                let problem = BadRecord(
                    location: "\(displayPath):\(line)", record: recordID, field: "email",
                    reason: "already registered as person `\(owner)` elsewhere in the workspace; skipped")
                return Result(line: line, outcome: .elsewhere(problem))
            }
            return Result(
                line: line,
                outcome: .person(email: email, recordID: recordID, submittedAt: submittedAt, text: text, slug: slug))
        }
    }
}

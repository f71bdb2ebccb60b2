import BarazaModel
import Foundation

extension RegistrationImport {
    /// Settles who is who: person ids, the merges and the winners, into `report`. An email keeps the id this
    /// export gave it before (a re-import of a newer export keeps every id); a new one gets an id from the name,
    /// with a suffix when another person, an override or a session holds it. The ledger is dropped here, before
    /// the people are rendered.
    /// - Returns: the winning records in file order, each with its person's id.
    func personIDs(
        _ pass: consuming LedgerPass, loaded: Workspace, files: ImportedFiles, spool: RegistrationSpool,
        report: inout RegistrationReport
    ) throws(ImportError) -> [(ordinal: Int, id: String)] {
        let people = pass.ledger.people
        let dropped = pass.ledger.dropped
        let slugs = pass.ledger.slugs
        _ = consume pass
        var earlierIDs: [String: String] = [:]
        var taken: Set<String> = []
        for person in loaded.people {
            if person.source?.file == files.raw, let email = person.email {
                earlierIDs[email] = person.id.rawValue
            } else {
                taken.insert(person.id.rawValue)
            }
        }
        for session in loaded.sessions {
            for reference in session.speakers + session.moderators + session.signUps
            where !reference.location.file.hasSuffix(files.people) {
                taken.insert(reference.id.rawValue)
            }
        }
        taken.formUnion(loaded.personOverrides.compactMap { $0.person?.rawValue })
        var ids = [String](repeating: "", count: people.entries.count)
        for (index, entry) in people.entries.enumerated() {
            if let id = earlierIDs[try spool.email(entry.firstOrdinal)] {
                ids[index] = id
                taken.insert(id)
            }
        }
        for index in ids.indices where ids[index].isEmpty {
            let base =
                slugs[index].isEmpty
                ? "\(Self.idPrefix(files.name))-\(Self.pad(people.entries[index].firstOrdinal))" : slugs[index]
            var id = base
            var suffix = 2
            while taken.contains(id) {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            ids[index] = id
            taken.insert(id)
        }
        report.personIDs = ids
        // Entries are in first-record order, so merges come out in person order.
        for index in dropped.keys.sorted() {
            let entry = people.entries[index]
            func described(_ ordinal: Int) throws(ImportError) -> String {
                let (recordID, line) = try spool.recordID(ordinal)
                return "\(recordID) (\(file):\(line))"
            }
            var droppedText: [String] = []
            for ordinal in dropped[index]! { droppedText.append(try described(ordinal)) }
            report.merges.append(Merge(person: ids[index], kept: try described(entry.ordinal), dropped: droppedText))
        }
        // The winners in file order, each with the record that names its id.
        var winners: [(ordinal: Int, id: String)] = zip(people.entries, ids).map { ($0.ordinal, $1) }
        winners.sort { $0.ordinal < $1.ordinal }
        report.people = winners.count
        if report.people == 0 { throw .noPeople(path: file, reasons: Self.reasons(report)) }
        return winners
    }

    static func pad(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// A person-id prefix from the export's file name: ASCII letters, digits and `-` (`Inscriptions été.xlsx` →
    /// `inscriptions-ete`).
    static func idPrefix(_ fileName: String) -> String {
        let stem = (fileName as NSString).deletingPathExtension
        let folded = stem.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var out = ""
        for ch in folded {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") { out += "-" }
        }
        out = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return out.isEmpty ? "registration" : String(out.prefix(32))
    }

    /// A readable person id from a name: ASCII letters and digits joined by `-` (`Amina Uwase` → `amina-uwase`,
    /// `Aminata Traoré` → `aminata-traore`), other scripts transliterated; "" when nothing is left.
    static func slug(_ name: String) -> String {
        // Most names are ASCII: lower-cased byte by byte, as the general path below would.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(name.utf8.count, 48))
            for byte in name.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: if let last = bytes.last, last != UInt8(ascii: "-") { bytes.append(UInt8(ascii: "-")) }
                }
                if bytes.count >= 48 { break }
            }
            while bytes.last == UInt8(ascii: "-") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        var latin = name
        if name.unicodeScalars.contains(where: { $0.value >= 0x250 }) {
            latin = name.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? name
        }
        return ScheduleImport.slug(latin, maxLength: 48)
    }
}

import BarazaModel
import BarazaWorkspace
import BarazaXML
import Foundation

/// The mapping an import will use, column by column, as `import registrations --dry-run` prints it: each column
/// or element path with the person field it fills (or `unmapped`), how it was tied, how many records answer it,
/// and up to three sample answers with what each became after normalisation. Answers that may be personal (names,
/// emails, addresses, record ids, and any column no field takes) are masked down to their shape: `x` for a
/// lower-case letter, `X` for an upper-case one, `9` for a digit, punctuation and spaces kept.
public struct MappingPreview: Sendable {
    /// One column of the export.
    public struct Column: Sendable {
        public var column: String
        public var field: PersonField?
        public var tie: RegistrationMapping.Tie
        /// Records with a non-empty answer.
        public var answers: Int
        /// Up to three distinct answers (masked where personal) and what each became.
        public var samples: [(raw: String, normalised: String)]
    }

    /// The export's name and format, and how many records it holds.
    public var file: String
    public var format: RegistrationFormat
    public var records: Int
    /// In the order the export first lists them.
    public var columns: [Column]
    /// The zone date-times without an offset are read in.
    public var zone: String

    /// The person fields no column fills.
    public var fieldsWithoutColumn: [PersonField] {
        let filled = Set(columns.compactMap(\.field))
        return PersonField.allCases.filter { $0 != .ignore && !filled.contains($0) }
    }

    /// The report as text: one block per column, then the fields no column gives.
    public var text: String {
        var out = "mapping of \(file) (\(format.rawValue), \(records) record(s); date-times without an offset in "
        out += "\(zone); personal answers masked: x X letters, 9 digits):\n"
        for column in columns {
            let field = column.field.map { "\($0.rawValue) (\(column.tie.rawValue))" } ?? "unmapped"
            out += "  \(column.column) → \(field), answered in \(column.answers) record(s)"
            if column.field == nil { out += ": map it to a field, or to `ignore`" }
            out += "\n"
            for sample in column.samples {
                out += "      \(sample.raw)"
                if column.field != nil && column.field != .ignore { out += "  →  \(sample.normalised)" }
                out += "\n"
            }
        }
        let missing = fieldsWithoutColumn.map(\.rawValue)
        if !missing.isEmpty { out += "no column gives: \(missing.joined(separator: ", "))\n" }
        return out
    }

    /// A starting mapping file for this export: every column tied to its field (unrecognised ones to `ignore`,
    /// with a comment), for the user to edit and pass back with `--mapping`.
    public var mappingFile: String {
        var out = "# Mapping for \(file), written by `baraza import registrations --print-mapping`.\n"
        out += "# Edit the fields, then import with --mapping <this file>. Fields:\n"
        var line = "#  "
        for field in PersonField.allCases {
            if line.count + field.rawValue.count > 110 {
                out += line + "\n"
                line = "#  "
            }
            line += " " + field.rawValue
        }
        out += line + "\n"
        out += "columns:\n"
        for column in columns {
            var line = "  " + Self.quoted(column.column) + ": " + (column.field?.rawValue ?? "ignore")
            switch column.tie {
            case .none: line += "   # not recognised: name a field to import it"
            case .defaultName: line += "   # recognised by its name"
            case .mappingFile: break
            }
            out += line + "\n"
        }
        out += "timezone: \(zone)   # zone of date-times written without an offset\n"
        out += "# date_order: day-first   # how 03/04/2027 reads: day-first (3 April) or month-first (4 March)\n"
        return out
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where ch.value < 0x20: out += String(format: "\\x%02X", ch.value)
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// `value`'s shape: letters as `x`/`X`, digits as `9`, the rest kept; at most 40 characters.
    public static func mask(_ value: String) -> String {
        var out = ""
        for ch in value.prefix(40) {
            if ch.isNumber {
                out.append("9")
            } else if ch.isLetter {
                out.append(ch.isUppercase ? "X" : "x")
            } else {
                out.append(ch)
            }
        }
        return value.count > 40 ? out + "…" : out
    }

    /// Fields whose answers are personal: masked in the preview.
    static let personal: Set<PersonField?> = [
        .name, .givenName, .familyName, .email, .localAddress, .emergencyContact, .recordID, .ignore, nil,
    ]

    static func shown(_ value: String, field: PersonField?) -> String {
        if personal.contains(field) { return mask(value) }
        return value.count > 40 ? String(value.prefix(40)) + "…" : value
    }
}

extension RegistrationImport {
    /// The mapping this import will use, with samples of each column: reads the export (not the workspace's
    /// people) and writes nothing.
    /// - Throws: ``ImportError`` when the export or the workspace cannot be read.
    public func preview(knownRuleIDs: [String] = []) throws(ImportError) -> MappingPreview {
        try WorkspaceFiles.requireReadable(file)
        let loaded: Workspace
        do {
            loaded = try WorkspaceLoader(knownRuleIDs: knownRuleIDs).load(directory: workspace)
        } catch {
            throw .workspace(error.errors.map(\.message).joined(separator: "\n"))
        }
        let source = try RecordSource.open(path: file, limits: limits, archiveLimits: archiveLimits)
        let stream = RecordStream(source)
        defer { stream.close() }
        var normaliser = RecordNormaliser(
            mapping: mapping, zone: loaded.event.zone,
            knownSessions: SessionDirectory(
                sessions: loaded.sessions.map {
                    ($0.id.rawValue, [$0.title.english, $0.title.french].compactMap { $0 })
                }),
            serialDates1904: source.serialDates1904, displayPath: file,
            spaceSeparatedLists: source.spaceSeparatedLists,
            recordsAreRows: source.format != .odkInstances,
            places: PlaceDirectory(places: loaded.logistics.transfers.places.map { ($0.id.rawValue, $0.name) }))
        normaliser.hotels = PlaceDirectory(places: loaded.hotels.map { ($0.id.rawValue, $0.name) })
        var order: [String] = []
        var columns: [String: MappingPreview.Column] = [:]
        func meet(_ plain: String, _ field: PersonField?) {
            guard columns[plain] == nil else { return }
            order.append(plain)
            columns[plain] = MappingPreview.Column(
                column: plain, field: field, tie: mapping.tie(for: plain), answers: 0, samples: [])
        }
        for column in source.columns { meet(column, mapping.field(for: column)) }
        var records = 0
        var raws: [String: [String]] = [:]
        while true {
            let batches = try stream.take(upTo: 1)
            guard let batch = batches.first else { break }
            for index in 0..<batch.count {
                records += 1
                let record = batch.record(index)
                var answered: Set<String> = []
                for (path, raw) in record.fields {
                    let (field, plain) = normaliser.field(path)
                    meet(plain, field)
                    guard let value = Normalise.text(raw) else { continue }
                    if answered.insert(plain).inserted { columns[plain]!.answers += 1 }
                    if raws[plain, default: []].count < 3 && !raws[plain, default: []].contains(value) {
                        raws[plain, default: []].append(value)
                    }
                }
            }
        }
        let zone = mapping.zone ?? loaded.event.zone
        for plain in order {
            let field = columns[plain]!.field
            columns[plain]!.samples = (raws[plain] ?? []).map { value in
                let normalised = field.map { normaliser.preview($0, value) } ?? ""
                return (MappingPreview.shown(value, field: field), normalised)
            }
        }
        return MappingPreview(
            file: (file as NSString).lastPathComponent, format: source.format, records: records,
            columns: order.map { columns[$0]! }, zone: zone.identifier)
    }
}

extension RecordNormaliser {
    /// What one answer of `field` becomes, as the preview shows it (masked where personal).
    func preview(_ field: PersonField, _ value: String) -> String {
        func list() -> [String] { Normalise.list(value, spaces: spaceSeparatedLists && Normalise.isChoiceList(value)) }
        switch field {
        case .name, .givenName, .familyName, .localAddress, .emergencyContact, .recordID:
            return MappingPreview.mask(value)
        case .email:
            return Normalise.email(value).map(MappingPreview.mask) ?? "refused: not an email address"
        case .organisation, .city:
            return MappingPreview.shown(value, field: field)
        case .hotelPreference:
            return hotels.resolve(value, prefixes: true) ?? MappingPreview.shown(value, field: field)
        case .country:
            return Normalise.country(value) ?? "refused: not a country name or ISO code"
        case .timezone:
            return Zone(identifier: value) != nil ? value : "refused: not an IANA zone"
        case .role:
            // Roles are always split on spaces too, as the import reads them.
            let roles = Normalise.list(value).map { Normalise.role($0)?.rawValue ?? "refused `\($0)`" }
            return "[\(roles.joined(separator: ", "))]"
        case .languages:
            let (codes, unknown) = Normalise.languages(value)
            return "[\(codes.map(\.code).joined(separator: ", "))]"
                + (unknown.isEmpty ? "" : " refused: \(unknown.joined(separator: ", "))")
        case .dietary:
            return "[\(Normalise.dietary(list()).joined(separator: ", "))]"
        case .accessibility:
            return "[\(list().joined(separator: ", "))]"
        case .arrival, .departure, .submittedAt:
            switch Normalise.instant(value, zone: zone, serialDates1904: serialDates1904, dateOrder: dateOrder) {
            case .success(let instant):
                var bytes: [UInt8] = []
                Normalise.appendWallText(instant, zone: zone, to: &bytes)
                return String(decoding: bytes, as: UTF8.self) + " " + zone.identifier
            case .failure(let problem): return "refused: expected \(problem.expectation)"
            }
        case .sessions:
            let items = sessionItems(value).map { answer -> String in
                if let id = knownSessions?.resolve(answer) ?? (knownSessions == nil ? answer : nil) { return id }
                return "dropped `\(Self.safeID(answer))`" + (knownSessions?.hint(answer) ?? "")
            }
            return "[\(items.joined(separator: ", "))]"
        case .arrivalPlace, .departurePlace:
            if let id = places.resolve(value) { return id }
            return places.isEmpty ? value : "kept as written, no such transfer place" + places.hint(value)
        case .arrivalNumber, .departureNumber:
            return Normalise.journeyNumber(value)
        case .consent, .consentPhotos:
            return Normalise.bool(value).map { $0 ? "yes" : "no" } ?? "refused: expected yes or no"
        case .needsHotel:
            return Normalise.leadingBool(value).map { $0 ? "yes" : "no" } ?? "dropped: expected yes or no"
        case .ignore:
            return ""
        }
    }
}

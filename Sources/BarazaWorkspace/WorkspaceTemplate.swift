import BarazaFolder
import BarazaModel
import Foundation
import TZDatabase

/// The small, valid workspace `baraza init` writes: one venue, two rooms, three people, four sessions.
///
/// The place follows what was asked: a network city (`--city`) gives its name, country, zone and airport; a zone
/// alone (`--timezone`) gives a city named after the zone, its country from the tz database and a neutral
/// `airport` place to replace with the real code, never another city's.
public struct WorkspaceTemplate: Sendable {
    public var eventID: String
    public var timezone: String
    /// The network city hosting the event, when one was chosen.
    public var city: NetworkCity?

    /// Why a template could not be written.
    public struct Failure: Error, Sendable {
        public var message: String
    }

    /// A template for an event in `timezone`, at a neutral place named after the zone.
    public init(eventID: String, timezone: String) {
        self.eventID = eventID
        self.timezone = timezone
        self.city = nil
    }

    /// A template for an event hosted by `city`, in its zone.
    public init(eventID: String, city: NetworkCity) {
        self.eventID = eventID
        self.timezone = city.zoneIdentifier
        self.city = city
    }

    /// The venue's city: the chosen network city, else the zone's last part (`Africa/Niamey` gives Niamey) when
    /// the tz database places the zone in a country, else a placeholder.
    var venueCity: String {
        if let city { return city.name }
        guard zoneCountry != nil, let last = timezone.split(separator: "/").last else { return "Host city" }
        return last.replacingOccurrences(of: "_", with: " ")
    }

    /// The venue's country: the network city's, else the zone's from the tz database, else `ZZ` (unknown).
    var venueCountry: String { city?.country ?? zoneCountry ?? "ZZ" }

    /// Where visitors land: the network city's airport, else a neutral place id to replace with the real code.
    var arrivalPlace: (code: String, comment: String) {
        if let city { return (city.airport, "\(city.airport): \(city.airportName)") }
        return ("airport", "replace `airport` with the IATA code of the airport visitors land at")
    }

    /// The template's traveller flies in from Paris, unless the event is there.
    var departureAirport: String { city?.airport == "CDG" ? "" : "from: CDG, " }

    /// The zone's country from the tz database's `zone.tab` (`Africa/Niamey` gives NE); nil when not listed.
    var zoneCountry: String? {
        let directory = TZDatabase.systemDirectory
        guard let table = try? String(contentsOfFile: directory + "/zone.tab", encoding: .utf8) else { return nil }
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t")
            if columns.count >= 3, columns[2] == timezone { return String(columns[0]) }
        }
        return nil
    }

    /// Writes the files into `directory` and returns their paths. Refuses to overwrite an existing workspace.
    public func write(into directory: String) throws(Failure) -> [String] {
        guard Zone(identifier: timezone) != nil else {
            let hint = nearest(to: timezone, in: Zone.knownIdentifiers).map { " (did you mean `\($0)`?)" } ?? ""
            throw Failure(message: "`\(timezone)` is not an IANA time zone\(hint)")
        }
        if let problem = Self.problem(eventID: eventID) { throw Failure(message: problem) }
        let entry = (directory as NSString).appendingPathComponent(WorkspaceLoader.entryFileName)
        guard !FileManager.default.fileExists(atPath: entry) else {
            throw Failure(message: "\(entry) already exists; not overwriting a workspace")
        }
        // All files or none, under the folder's lock, and never through a symbolic link that leads outside it.
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(message: "cannot create \(directory): \(error.localizedDescription)")
        }
        do throws(FolderError) {
            let transaction = try WorkspaceTransaction(try WorkspaceFolder(directory))
            defer { transaction.abandon() }
            if transaction.folder.has(WorkspaceLoader.entryFileName) {
                throw FolderError.unwritable(entry, reason: "already exists; not overwriting a workspace")
            }
            for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                try transaction.stage(Data(text.utf8), as: name)
            }
            try transaction.commit()
        } catch {
            throw Failure(message: "cannot write \(error.path): \(error.reason)")
        }
        // event.yaml last, as before the files were written together.
        return files.keys.sorted { ($0 == "event.yaml" ? 1 : 0, $0) < ($1 == "event.yaml" ? 1 : 0, $1) }.map {
            (directory as NSString).appendingPathComponent($0)
        }
    }

    /// Why `eventID` cannot be an event id, or nil when it can.
    public static func problem(eventID: String) -> String? {
        guard !eventID.isEmpty, !eventID.hasPrefix("."),
            eventID.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) })
        else {
            return "`\(eventID)` is not a valid event id: use letters, digits, `-`, `_`, `.`, not starting with `.`"
        }
        return nil
    }

    /// File name → contents.
    public var files: [String: String] {
        [
            "event.yaml": """
            # Baraza workspace: see events/FORMAT.md for every key.
            event:
              id: \(eventID)
              title:
                en: Learning event
                fr: Événement d'apprentissage
              timezone: \(timezone)
              dates: { start: 2027-03-15, end: 2027-03-16 }
              languages: [en, fr]
              organizer: { name: Secretariat, email: secretariat@example.org }

            include: [venues.yaml, people.yaml, sessions.yaml]

            checks:
              waking_hours: "07:00-22:00"
              severity:
                language-not-covered: warning

            """,
            "venues.yaml": """
            venues:
              - id: main-venue
                name: Main venue
                city: \(venueCity)
                country: \(venueCountry)
                timezone: \(timezone)
                opening_hours: "08:00-20:00"
                rooms:
                  - { id: hall, name: Main hall, capacity: 120, interpretation: [en, fr] }
                  - { id: room-b, name: Room B, capacity: 30 }
              - id: online
                name: Video call
                online: true
                url: https://meet.example.org/learning-event

            """,
            "people.yaml": """
            people:
              - id: amina-uwase
                name: Amina Uwase
                email: amina.uwase@example.org
                city: Kigali
                country: RW
                timezone: Africa/Kigali
                languages: [en, fr, rw]
                roles: [speaker]
              - id: jean-martin
                name: Jean Martin
                email: jean.martin@example.org
                city: Paris
                country: FR
                timezone: Europe/Paris
                languages: [fr]
                roles: [moderator]
                journeys:                  # \(arrivalPlace.comment)
                  - { direction: arrival, mode: flight, number: XX 101, \(departureAirport)place: \(arrivalPlace.code), time: 2027-03-14T19:40 }
                  - { direction: departure, mode: flight, number: XX 102, place: \(arrivalPlace.code), time: 2027-03-17T09:10 }
              - id: fatou-sow
                name: Fatou Sow
                email: fatou.sow@example.org
                city: Nouakchott
                country: MR
                timezone: Africa/Nouakchott
                languages: [fr, ar]
                roles: [participant]
                sessions: [welcome, workshop]

            """,
            "sessions.yaml": """
            sessions:
              - id: welcome
                title: { en: Welcome, fr: Bienvenue }
                kind: plenary
                venue: main-venue
                room: hall
                start: 2027-03-15T09:00
                duration: 45
                language: en
                speakers: [amina-uwase]
                moderators: [jean-martin]
              - id: workshop
                title: { en: Sharing practice, fr: Partage de pratiques }
                kind: workshop
                venue: main-venue
                room: room-b
                start: 2027-03-15T10:00
                end: "11:30"
                language: fr
                speakers: [jean-martin]
              - id: lunch
                title: { en: Lunch, fr: Déjeuner }
                kind: meal
                venue: main-venue
                room: hall
                start: 2027-03-15T12:30
                duration: 1h
                expected_attendance: 40
              - id: online-follow-up
                title: { en: Online follow-up, fr: Suivi en ligne }
                kind: online
                venue: online
                start: 2027-03-16T10:00
                duration: 60
                language: fr
                speakers: [amina-uwase]

            """,
        ]
    }
}

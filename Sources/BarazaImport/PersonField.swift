/// A person attribute a form column or element path can be mapped to.
public enum PersonField: String, CaseIterable, Sendable, Hashable {
    case name
    case givenName = "given_name"
    case familyName = "family_name"
    case email, organisation, city, country
    case timezone, role, languages, dietary, accessibility, arrival, departure, sessions, consent
    case consentPhotos = "consent_photos"
    /// When the record was submitted (deduplication keeps the latest).
    case submittedAt = "submitted_at"
    /// The record's own id (`meta/instanceID`).
    case recordID = "record_id"
    /// Read and deliberately dropped (not reported as unmapped).
    case ignore

    /// The field's position in `allCases`, for per-record tables indexed by field.
    var slot: Int {
        switch self {
        case .name: 0
        case .givenName: 1
        case .familyName: 2
        case .email: 3
        case .organisation: 4
        case .city: 5
        case .country: 6
        case .timezone: 7
        case .role: 8
        case .languages: 9
        case .dietary: 10
        case .accessibility: 11
        case .arrival: 12
        case .departure: 13
        case .sessions: 14
        case .consent: 15
        case .consentPhotos: 16
        case .submittedAt: 17
        case .recordID: 18
        case .ignore: 19
        }
    }
}

/// Column names and element paths the importer recognises without a mapping file, compared after
/// ``Normalise/key(_:)`` (case, accents, spaces and punctuation ignored). An element path also matches by its
/// last step (`group_contact/email` → `email`).
enum DefaultNames {
    static let table: [String: PersonField] = {
        var table: [String: PersonField] = [:]
        for (field, names) in entries {
            for name in names { table[Normalise.key(name)] = field }
        }
        return table
    }()

    static let entries: [(PersonField, [String])] = [
        (
            .name,
            [
                "name", "full_name", "fullname", "full name", "your name", "nom complet", "nom et prénom",
                "nom et prénoms", "prénom et nom", "nom prénom", "participant name", "votre nom",
                "name of participant", "nom du participant", "respondent name",
            ]
        ),
        (.givenName, ["given_name", "first_name", "first name", "firstname", "prénom", "prénoms", "forename"]),
        (.familyName, ["family_name", "last_name", "last name", "surname", "nom", "nom de famille", "lastname"]),
        (
            .email,
            [
                "email", "e-mail", "email address", "e-mail address", "adresse e-mail", "adresse email",
                "adresse électronique", "courriel", "adresse courriel", "mail", "your email",
                "votre adresse e-mail", "votre courriel",
            ]
        ),
        (
            .organisation,
            [
                "organisation", "organization", "organisme", "structure", "institution", "company", "employer",
                "entreprise", "affiliation", "organisation name", "nom de l'organisation", "ville ou organisation",
            ]
        ),
        (.city, ["city", "ville", "town", "city of residence", "ville de résidence", "commune", "localité"]),
        (.country, ["country", "pays", "country of residence", "pays de résidence", "nationality", "nationalité"]),
        (.timezone, ["timezone", "time zone", "fuseau horaire", "fuseau"]),
        (.role, ["role", "rôle", "participant type", "type de participant", "catégorie", "category", "profil"]),
        (
            .languages,
            [
                "language", "languages", "langue", "langues", "working languages", "langues parlées",
                "spoken languages", "preferred language", "langue de travail", "langues de travail",
            ]
        ),
        (
            .dietary,
            [
                "dietary", "diet", "dietary requirements", "dietary needs", "dietary restrictions",
                "régime alimentaire", "régime", "restrictions alimentaires", "besoins alimentaires", "allergies",
            ]
        ),
        (
            .accessibility,
            [
                "accessibility", "accessibility needs", "accessibilité", "besoins d'accessibilité",
                "besoins spécifiques", "special needs", "handicap", "mobility",
            ]
        ),
        (
            .arrival,
            [
                "arrival", "arrival_datetime", "arrival date", "arrival time", "arrivée", "date d'arrivée",
                "date et heure d'arrivée", "heure d'arrivée",
            ]
        ),
        (
            .departure,
            [
                "departure", "departure_datetime", "departure date", "departure time", "départ", "date de départ",
                "date et heure de départ", "heure de départ",
            ]
        ),
        (
            .sessions,
            [
                "sessions", "session", "workshops", "ateliers", "session sign-ups", "sessions choisies",
                "inscriptions aux sessions", "choix des sessions", "session choices",
            ]
        ),
        (
            .consent,
            [
                "consent", "consent_share_contact", "share contact", "consentement", "j'accepte",
                "accord de partage", "consent to share contact details", "partage des coordonnées",
            ]
        ),
        (.consentPhotos, ["consent_photos", "photo consent", "consentement photo", "droit à l'image", "photos"]),
        (
            .submittedAt,
            [
                "_submission_time", "submission time", "submissiondate", "submission_date", "timestamp",
                "horodateur", "completion time", "heure de fin", "end",
            ]
        ),
        (.recordID, ["instanceid", "meta/instanceid", "_uuid", "id", "response id", "identifiant"]),
        (
            .ignore,
            [
                "start", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "uuid",
                "formhub/uuid", "deprecatedid", "_id", "_index", "_parent_index", "_parent_table_name",
                "_submitted_by", "_status", "_tags", "_notes", "_version", "__version__", "_xform_id_string",
                "_geolocation", "_attachments", "_bamboo_dataset_id", "_duration", "_validation_status",
                "instancename", "rootuuid", "start time", "heure de début", "last modified time",
            ]
        ),
    ]
}

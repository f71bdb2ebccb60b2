/// A person attribute a form column or element path can be mapped to.
public enum PersonField: String, CaseIterable, Sendable, Hashable {
    case name
    case givenName = "given_name"
    case familyName = "family_name"
    case email, organisation, city, country
    case timezone, role, languages, dietary, accessibility, arrival, departure, sessions, consent
    case consentPhotos = "consent_photos"
    /// Where the arrival journey lands in the host city: a transfer place's id or name (airport or station code).
    case arrivalPlace = "arrival_place"
    /// The arrival's flight or train number (`ET 813`).
    case arrivalNumber = "arrival_number"
    /// Where the departure journey leaves from.
    case departurePlace = "departure_place"
    /// The departure's flight or train number.
    case departureNumber = "departure_number"
    /// Whether the person needs a hotel room (yes/no).
    case needsHotel = "needs_hotel"
    /// The hotel the person would like (an id or name of the workspace's hotels, or free text).
    case hotelPreference = "hotel_preference"
    /// Where a person who lives in the host city sleeps (no hotel needed).
    case localAddress = "local_address"
    /// Someone to call in an emergency: for the host city's lists only.
    case emergencyContact = "emergency_contact"
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
        case .arrivalPlace: 20
        case .arrivalNumber: 21
        case .departurePlace: 22
        case .departureNumber: 23
        case .needsHotel: 24
        case .hotelPreference: 25
        case .localAddress: 26
        case .emergencyContact: 27
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
                "regime_alimentaire", "dietary_requirements", "food allergies", "allergies alimentaires",
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
                "date et heure d'arrivée", "heure d'arrivée", "date_arrivee", "date arrivée", "arrival_date",
                "date and time of arrival", "arrival date and time", "arrival_time",
            ]
        ),
        (
            .departure,
            [
                "departure", "departure_datetime", "departure date", "departure time", "départ", "date de départ",
                "date et heure de départ", "heure de départ", "date_depart", "date départ", "departure_date",
                "date and time of departure", "departure date and time", "departure_time",
            ]
        ),
        (
            .sessions,
            [
                "sessions", "session", "workshops", "ateliers", "session sign-ups", "sessions choisies",
                "inscriptions aux sessions", "choix des sessions", "session choices", "sessions souhaitées",
                "sessions_souhaitees", "ateliers souhaités", "sessions you wish to attend", "preferred sessions",
            ]
        ),
        (
            .consent,
            [
                "consent", "consent_share_contact", "share contact", "consentement", "j'accepte",
                "accord de partage", "consent to share contact details", "partage des coordonnées",
            ]
        ),
        (
            .arrivalPlace,
            [
                "arrival_place", "arrival airport", "arrival_airport", "airport of arrival", "arrival station",
                "aéroport d'arrivée", "aeroport_arrivee", "aéroport", "airport", "lieu d'arrivée", "gare d'arrivée",
            ]
        ),
        (
            .arrivalNumber,
            [
                "arrival_number", "flight", "flight number", "flight_number", "arrival flight", "arrival_flight",
                "inbound flight", "train number", "vol", "numéro de vol", "numero_vol", "vol d'arrivée", "vol_arrivee",
                "vol aller", "numéro de train",
            ]
        ),
        (
            .departurePlace,
            [
                "departure_place", "departure airport", "departure_airport", "aéroport de départ", "aeroport_depart",
                "lieu de départ", "gare de départ",
            ]
        ),
        (
            .departureNumber,
            [
                "departure_number", "departure flight", "departure_flight", "return flight", "outbound flight",
                "vol de départ", "vol_depart", "vol retour", "numéro de vol retour", "numero_vol_retour",
            ]
        ),
        (
            .needsHotel,
            [
                "needs_hotel", "hotel", "hotel needed", "needs a hotel", "accommodation", "accommodation needed",
                "do you need accommodation", "hébergement", "hebergement", "besoin d'hébergement", "besoin_hebergement",
                "besoin d'un hôtel", "logement",
            ]
        ),
        (
            .hotelPreference,
            [
                "hotel_preference", "hotel preference", "preferred hotel", "hôtel souhaité", "hotel_souhaite",
                "préférence d'hôtel", "hôtel préféré",
            ]
        ),
        (
            .localAddress,
            [
                "local_address", "local address", "address in the host city", "adresse locale", "adresse_locale",
                "adresse sur place", "adresse à kigali", "address in kigali",
            ]
        ),
        (
            .emergencyContact,
            [
                "emergency_contact", "emergency contact", "in case of emergency", "contact d'urgence",
                "contact_urgence", "personne à prévenir", "personne à contacter en cas d'urgence",
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
        (.recordID, ["instanceid", "meta/instanceid", "_uuid", "response id", "identifiant"]),
        (
            .ignore,
            [
                "start", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username",
                "formhub/uuid", "deprecatedid", "_id", "_index", "_parent_index", "_parent_table_name",
                "_submitted_by", "_status", "_tags", "_notes", "_version", "__version__", "_xform_id_string",
                "_geolocation", "_attachments", "_bamboo_dataset_id", "_duration", "_validation_status",
                "instancename", "rootuuid", "start time", "heure de début", "last modified time",
            ]
        ),
    ]
}

import BarazaPDF

/// Cards covering the scripts and lengths the layout must cope with.
enum SampleCards {
    static let speaker = RoleLabel(english: "Speaker", french: "Intervenant·e")
    static let participant = RoleLabel(english: "Participant", french: "Participant·e")

    static func card(
        _ name: String, organisation: String? = "Université Cheikh Anta Diop de Dakar",
        place: String? = "Dakar, Sénégal", payload: String = "baraza:p:0001"
    ) -> BadgeCard {
        BadgeCard(
            displayName: name, organisation: organisation, place: place,
            roleLabel: speaker, roleColour: RGBColour(hex: 0xB3261E),
            eventTitle: "Forum africain des données ouvertes · Africa Open Data Forum 2025",
            qrPayload: payload)
    }

    static let shortName = "Ali"
    static let arabicName = "محمد ولد عبد الله الشنقيطي"
    static let accentedName = "Maria da Conceição Nhantumbo-Gonçalves"
    static let veryLongName =
        "Kwame Nkrumah Oluwaseun Adebayo-Chukwuemeka Mbeki Tshabalala Ngugi wa Thiong'o Mwangi Kariuki"

    /// Ten cards with distinct names, payloads and roles.
    static let ten: [BadgeCard] = [
        card("Amina Diallo", payload: "baraza:p:a1"),
        card(accentedName, organisation: "Ministério da Saúde", place: "Maputo, Moçambique", payload: "baraza:p:a2"),
        card(arabicName, organisation: nil, place: "Nouakchott, Mauritanie", payload: "baraza:p:a3"),
        card("Kofi Mensah", organisation: "Ashesi University", place: "Accra, Ghana", payload: "baraza:p:a4"),
        card("Jean-Baptiste Kouassi N'Guessan", place: "Abidjan, Côte d'Ivoire", payload: "baraza:p:a5"),
        card("Fatoumata Binta Bah", organisation: nil, place: nil, payload: "baraza:p:a6"),
        card("Ngozi Okonkwo-Adeyemi", organisation: "Lagos Business School", payload: "baraza:p:a7"),
        card("Léa Rakotomalala", place: "Antananarivo, Madagascar", payload: "baraza:p:a8"),
        card("Yaw Boateng", payload: "baraza:p:a9"),
        card("Aïssatou Sow <b>&amp;</b>", payload: "baraza:p:a10"),
    ]
}

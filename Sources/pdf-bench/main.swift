// Renders N dummy badges to a PDF, for timing with /usr/bin/time -v.
//
//   pdf-bench <count> <output.pdf> [a4|a6]
import BarazaPDF
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3, let count = Int(arguments[1]), count > 0 else {
    FileHandle.standardError.write(Data("usage: pdf-bench <count> <output.pdf> [a4|a6]\n".utf8))
    exit(64)
}
let sheet: BadgeSheetLayout = arguments.count > 3 && arguments[3] == "a6" ? .a6 : .a4Sheet8

let names = [
    "Amina Diallo", "Maria da Conceição Nhantumbo-Gonçalves", "محمد ولد عبد الله الشنقيطي", "Kofi Mensah",
    "Jean-Baptiste Kouassi N'Guessan", "Fatoumata Binta Bah", "Ngozi Okonkwo-Adeyemi", "Léa Rakotomalala",
]
let organisations: [String?] = [
    "Université Cheikh Anta Diop de Dakar", "Ministério da Saúde", nil, "Ashesi University",
    "Institut National de la Statistique", "Réseau des femmes journalistes", "Lagos Business School", nil,
]
let places: [String?] = [
    "Dakar, Sénégal", "Maputo, Moçambique", "Nouakchott, Mauritanie", "Accra, Ghana", "Abidjan, Côte d'Ivoire",
    nil, "Lagos, Nigeria", "Antananarivo, Madagascar",
]
let roles: [(RoleLabel, RGBColour)] = [
    (RoleLabel(english: "Speaker", french: "Intervenant·e"), RGBColour(hex: 0xB3261E)),
    (RoleLabel(english: "Participant", french: "Participant·e"), RGBColour(hex: 0x1F5FA8)),
    (RoleLabel(english: "Staff", french: "Organisation"), RGBColour(hex: 0x2E7D32)),
    (RoleLabel(english: "Press", french: "Presse"), RGBColour(hex: 0xF2B705)),
]
let cards = (0..<count).map { index in
    let role = roles[index % roles.count]
    return BadgeCard(
        displayName: names[index % names.count],
        organisation: organisations[index % organisations.count],
        place: places[index % places.count],
        roleLabel: role.0,
        roleColour: role.1,
        eventTitle: "Forum africain des données ouvertes · Africa Open Data Forum 2025",
        qrPayload: "baraza:p:\(String(format: "%08x", index &* 2_654_435_761 & 0xFFFF_FFFF))")
}

let clock = ContinuousClock()
let start = clock.now
do {
    try BadgeRenderer(sheet: sheet).render(
        cards, to: URL(fileURLWithPath: arguments[2]), metadata: PDFMetadata(title: "Badges"))
} catch {
    FileHandle.standardError.write(Data("pdf-bench: \(error)\n".utf8))
    exit(1)
}
let elapsed = clock.now - start
let size = (try? FileManager.default.attributesOfItem(atPath: arguments[2])[.size] as? Int) ?? 0
print("\(count) cards, \(sheet), \(elapsed), \(size) bytes")

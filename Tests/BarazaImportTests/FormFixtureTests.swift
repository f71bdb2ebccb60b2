import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaImport

/// The `Golden` folder in the source tree.
let goldenFolder = packageRoot.appendingPathComponent("Tests/BarazaImportTests/Golden")

/// The fixture workspace with the host city's hotel and transfer places (KGL, Nyabugogo) added.
func logisticsWorkspace() throws -> String {
    let ws = try scratchWorkspace()
    try FileManager.default.copyItem(
        atPath: fixture("forms/workspace/logistics.yaml"), toPath: ws + "/logistics.yaml")
    var event = try String(contentsOfFile: ws + "/event.yaml", encoding: .utf8)
    event += "  - logistics.yaml\n"
    try Data(event.utf8).write(to: URL(fileURLWithPath: ws + "/event.yaml"))
    return ws
}

/// French and English registration forms with logistics questions, each in the three shapes the tools export
/// (ODK submissions with groups and choice codes; .xlsx and SpreadsheetML with labels), all the way to people.
@Suite struct FormFixtureTests {
    static let french = ["inscription-fr.odk.xml", "inscription-fr.xlsx", "inscription-fr.spreadsheetml.xml"]
    static let english = ["registration-en.odk.xml", "registration-en.xlsx", "registration-en.spreadsheetml.xml"]

    @Test(arguments: french)
    func theFrenchFormReachesJourneysHotelsAndMeals(file: String) throws {
        let ws = try logisticsWorkspace()
        let report = try RegistrationImport(file: fixture("forms/" + file), workspace: ws).run(dryRun: false)
        #expect(report.records == 4)
        #expect(report.people == 3)
        // Only the record without an email is skipped.
        #expect(report.badRecords.map(\.field) == ["email"])
        #expect(report.personIDs == ["mariam-coulibaly", "aminata-sow", "jean-baptiste-hounkpe"])
        // A sign-up to a session the workspace lacks drops that sign-up, not the person.
        let dropped = try #require(report.droppedAnswers.first { $0.field == "sessions" })
        #expect(dropped.reason.hasPrefix("no session `"))
        #expect(dropped.reason.contains("sign-up dropped, the person kept"))
        // A mistyped airport is kept as written and reported with the place it probably is.
        let place = try #require(report.droppedAnswers.first { $0.field == "arrival_place" })
        #expect(place.reason.contains("did you mean `KGL`?"))

        let people = try load(ws).people
        let mariam = try #require(people.first { $0.id.rawValue == "mariam-coulibaly" })
        #expect(mariam.email == "mariam.coulibaly@example.org")
        #expect(mariam.arrival?.place == "KGL")
        #expect(mariam.arrival?.number == "ET 813")
        #expect(mariam.arrival?.instant == Instant(secondsSince1970: 1_805_718_300))  // 2027-03-22 12:25Z
        #expect(mariam.departure?.number == "ET 812")
        #expect(mariam.needsHotel == true)
        #expect(mariam.hotelPreference == "radisson")  // the code, or the label `Radisson Blu`
        #expect(mariam.dietary == ["vegetarian"])  // `vegetarien` (code) or `Végétarienne` (label)
        #expect(mariam.emergencyContact?.hasPrefix("Oumar Coulibaly") == true)
        #expect(mariam.signUps.map(\.id.rawValue) == ["opening", "workshop-a"])
        let aminata = try #require(people.first { $0.id.rawValue == "aminata-sow" })
        #expect(aminata.dietary == ["no pork", "halal"])
        #expect(aminata.signUps.map(\.id.rawValue) == ["opening"])
        #expect(aminata.arrival?.number == "WB 203")
        let jb = try #require(people.first { $0.id.rawValue == "jean-baptiste-hounkpe" })
        #expect(jb.needsHotel == false)
        #expect(jb.localAddress == "Chez un collègue, Kacyiru")
        #expect(jb.dietary.isEmpty)  // `aucun` is no need
        #expect(jb.signUps.map(\.id.rawValue) == ["workshop-a"])  // `atelier-a` or `Atelier A`: a title
    }

    @Test(arguments: english)
    func theEnglishFormReachesJourneysHotelsAndMeals(file: String) throws {
        let ws = try logisticsWorkspace()
        let report = try RegistrationImport(file: fixture("forms/" + file), workspace: ws).run(dryRun: false)
        #expect(report.people == 3)
        #expect(report.badRecords.map(\.field) == ["email"])
        // Two people share a name: the second gets a suffix.
        #expect(report.personIDs == ["kwame-mensah", "amina-uwase", "amina-uwase-2"])
        let typo = try #require(report.droppedAnswers.first { $0.field == "sessions" })
        #expect(typo.reason.contains("did you mean `workshop-a`"))
        #expect(typo.location.hasSuffix(file.hasSuffix(".odk.xml") ? "\(file):32" : "\(file):3"))

        let people = try load(ws).people
        let kwame = try #require(people.first { $0.id.rawValue == "kwame-mensah" })
        #expect(kwame.arrival?.place == "KGL")  // the airport's name or its code
        #expect(kwame.arrival?.number == "ET 813")
        #expect(kwame.departure?.number == "ET 812")  // `ET812` as airlines print it
        #expect(kwame.arrival?.instant == Instant(secondsSince1970: 1_805_718_300))
        #expect(kwame.needsHotel == true)
        #expect(kwame.hotelPreference == "radisson")
        #expect(kwame.dietary == ["vegetarian"])
        #expect(kwame.signUps.map(\.id.rawValue) == ["opening", "workshop-a"])
        let local = try #require(people.first { $0.id.rawValue == "amina-uwase" })
        #expect(local.needsHotel == false)
        #expect(local.localAddress == "KG 7 Ave, Kacyiru, Kigali")
        #expect(local.dietary == ["gluten-free"])
        #expect(local.signUps.map(\.id.rawValue) == ["opening"])
        let second = try #require(people.first { $0.id.rawValue == "amina-uwase-2" })
        #expect(second.dietary == ["halal", "no pork"])
        #expect(second.email == "a.uwase@example.org")
    }

    @Test func theDryRunMappingReportsMatchTheirGoldenFiles() throws {
        let ws = try logisticsWorkspace()
        for file in Self.french + Self.english {
            let preview = try RegistrationImport(file: fixture("forms/" + file), workspace: ws).preview()
            assertGolden(preview.text, file: goldenFolder.appendingPathComponent("\(file).mapping.txt"))
        }
        let start = try RegistrationImport(file: fixture("forms/registration-en.xlsx"), workspace: ws).preview()
        assertGolden(start.mappingFile, file: goldenFolder.appendingPathComponent("registration-en.xlsx.mapping.yaml"))
    }

    @Test func theDryRunMasksPersonalAnswersDownToTheirShape() throws {
        let ws = try logisticsWorkspace()
        let text = try RegistrationImport(file: fixture("forms/registration-en.xlsx"), workspace: ws).preview().text
        for personal in ["Kwame", "mensah", "Uwase", "Kacyiru", "+233"] { #expect(!text.contains(personal)) }
        #expect(text.contains("Xxxxx Xxxxxx  →  Xxxxx Xxxxxx"))
        #expect(text.contains("Vegetarian  →  [vegetarian]"))
        #expect(MappingPreview.mask("Amina Uwase-2") == "Xxxxx Xxxxx-9")
    }

    @Test func aPrintedMappingImportsLikeTheDefaultsAndCanBeEdited() throws {
        let ws = try logisticsWorkspace()
        let job = RegistrationImport(file: fixture("forms/inscription-fr.xlsx"), workspace: ws)
        let folder = try scratchFolder()
        let text = try job.preview().mappingFile.replacingOccurrences(
            of: "\"Remarques\": ignore", with: "\"Remarques\": accessibility")
        let path = try write(text, to: "mapping.yaml", in: folder)
        let mapping = try RegistrationMapping.load(path: path)
        let report = try RegistrationImport(file: fixture("forms/inscription-fr.xlsx"), workspace: ws, mapping: mapping)
            .run(dryRun: false)
        #expect(report.people == 3)
        #expect(report.unmappedColumns.isEmpty)
        let aminata = try #require(try load(ws).people.first { $0.id.rawValue == "aminata-sow" })
        #expect(aminata.accessibility == ["Allergie aux arachides"])
    }

    @Test func aMappingNamingAMissingColumnIsRefusedWithTheNearestOne() throws {
        let ws = try logisticsWorkspace()
        let folder = try scratchFolder()
        let path = try write("columns:\n  \"voyage/numero_vols\": arrival_number\n", to: "m.yaml", in: folder)
        let job = RegistrationImport(
            file: fixture("forms/inscription-fr.odk.xml"), workspace: ws,
            mapping: try RegistrationMapping.load(path: path))
        let before = snapshot(ws)
        do {
            _ = try job.run(dryRun: false)
            Issue.record("expected the unknown column to be refused")
        } catch {
            #expect(
                error.description
                    == "\(path):2:3: mapping: column `voyage/numero_vols` is not in "
                    + "\(fixture("forms/inscription-fr.odk.xml")); did you mean `voyage/numero_vol`?")
        }
        #expect(snapshot(ws) == before)
    }

    @Test func anExportWithoutNameOrEmailColumnsIsRefusedWithHowToMapThem() throws {
        let ws = try logisticsWorkspace()
        let export = sharedData.appendingPathComponent(
            "registrations/instances/ona-registration-placeholder.instance.xml")
        do {
            _ = try RegistrationImport(file: export.path, workspace: ws).run(dryRun: true)
            Issue.record("expected an export without an email column to be refused")
        } catch {
            guard case .requiredUnmapped(_, let fields, let columns) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(fields == ["email"])
            #expect(columns.contains("phone_id"))
            #expect(error.description.contains("--print-mapping"))
            #expect(error.description.contains("columns:\n"))
        }
        // On the command line: exit 2, and the dry run still shows the mapping first.
        let run = try runBaraza(["import", "registrations", export.path, "--into", ws, "--dry-run"])
        #expect(run.exitCode == 2)
        #expect(run.stdout.contains("name → name (default name)"))
        #expect(run.stderr.contains("no column maps to `email`"))
    }

    @Test func anExportWhoseRecordsAllFailIsRefused() throws {
        let ws = try logisticsWorkspace()
        let xml = """
            <submissions>
            <data id="f"><full_name>A</full_name><email>a[at]example.org</email></data>
            <data id="f"><full_name>B</full_name><email>b at example.org</email></data>
            </submissions>
            """
        let file = try write(xml, to: "bad.xml", in: try scratchFolder())
        #expect {
            try RegistrationImport(file: file, workspace: ws).run(dryRun: false)
        } throws: { error in
            guard let error = error as? ImportError, case .noPeople(_, let reasons) = error else { return false }
            return reasons.hasPrefix("email refused in 2 record(s)")
        }
    }

    @Test(arguments: ["xlsx/ona-school-survey.xlsform.xlsx", "xlsx/pyxform-xlsform-spec-test.xlsform.xlsx"])
    func anXLSFormIsTheFormNotItsAnswers(path: String) throws {
        let ws = try scratchWorkspace()
        let file = sharedData.appendingPathComponent("registrations/" + path).path
        #expect {
            try RegistrationImport(file: file, workspace: ws).run(dryRun: true)
        } throws: { error in
            guard let error = error as? ImportError, case .formDefinition = error else { return false }
            return error.description.contains("export the submissions")
        }
    }

    /// Encrypted envelopes under a wrapper (several submissions in one file) are recognised too.
    @Test func encryptedSubmissionsUnderAWrapperAreNamedAsSuch() throws {
        let ws = try scratchWorkspace()
        let file = try scratchFolder() + "/encrypted.xml"
        let xml = """
            <submissions><data xmlns="http://www.opendatakit.org/xforms/encrypted" id="reg" encrypted="yes">\
            <base64EncryptedKey>AAAA</base64EncryptedKey><encryptedXmlFile>submission.xml.enc</encryptedXmlFile>\
            </data></submissions>
            """
        try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
        #expect {
            try RegistrationImport(file: file, workspace: ws).run(dryRun: true)
        } throws: { error in
            guard let error = error as? ImportError, case .encrypted = error else { return false }
            return error.description.contains("encrypted ODK submissions")
        }
    }

    /// None of the real exports in shared/data is a registration list with names and emails: each is refused with
    /// its reason (none "imports" 0 people and exits 0, as before).
    @Test func everyRealExportOfSharedDataIsRefusedWithItsReason() throws {
        let ws = try scratchWorkspace()
        let root = sharedData.appendingPathComponent("registrations")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter {
            $0.hasSuffix(".xml") || $0.hasSuffix(".xlsx")
        }
        #expect(files.count == 25)
        var reasons: [String: Int] = [:]
        for file in files {
            do {
                _ = try RegistrationImport(file: root.appendingPathComponent(file).path, workspace: ws).run(
                    dryRun: true)
                Issue.record("\(file) imported")
            } catch {
                switch error {
                case .requiredUnmapped: reasons["no name or email column", default: 0] += 1
                case .formDefinition: reasons["XLSForm", default: 0] += 1
                case .encrypted:
                    reasons["encrypted", default: 0] += 1
                    #expect(file == "instances/ona-encrypted-envelope.instance.xml")
                    #expect(error.description.contains("decrypted with the form's private key"))
                case .source: reasons["XForm definition", default: 0] += 1
                default: Issue.record("\(file): \(error)")
                }
            }
        }
        #expect(reasons == ["no name or email column": 16, "encrypted": 1, "XLSForm": 2, "XForm definition": 6])
    }

    @Test func importingBeforeTheAgendaKeepsEveryoneAndDropsOnlyTheirSignUps() throws {
        let ws = try scratchWorkspace()
        var event = try String(contentsOfFile: ws + "/event.yaml", encoding: .utf8)
        event = event.replacingOccurrences(of: "  - sessions.yaml\n", with: "")
        try Data(event.utf8).write(to: URL(fileURLWithPath: ws + "/event.yaml"))
        let report = try RegistrationImport(file: fixture("forms/registration-en.xlsx"), workspace: ws).run(
            dryRun: false)
        #expect(report.people == 3)
        #expect(report.droppedAnswers.filter { $0.field == "sessions" }.count == 5)
        #expect(report.droppedAnswers[0].reason.contains("import the agenda, then this export again"))
        #expect(try load(ws).people.allSatisfy { $0.signUps.isEmpty })
    }

    /// The intern corrects a name and adds a hotel stay in `people-overrides.yaml`; a newer export (one more
    /// person, one changed flight) is imported; every edit is kept, every id stays, and the file is not touched.
    @Test func overridesSurviveReimportingANewerExport() throws {
        let ws = try logisticsWorkspace()
        let imported = try scratchFolder() + "/registration-en.xlsx"
        try FileManager.default.copyItem(atPath: fixture("forms/registration-en.xlsx"), toPath: imported)
        _ = try RegistrationImport(file: imported, workspace: ws).run(dryRun: false)
        let overrides = """
            # Hand edits Baraza never rewrites.
            overrides:
              - person: kwame-mensah
                name: Kwame Owusu Mensah
                stays:
                  - { hotel: radisson, check_in: 2027-03-22, check_out: 2027-03-26, room_type: single }
              - email: a.uwase@example.org
                dietary: [Végétarienne]

            """
        _ = try write(overrides, to: "people-overrides.yaml", in: ws)
        var people = try load(ws).people
        #expect(people.first { $0.id.rawValue == "kwame-mensah" }?.name == "Kwame Owusu Mensah")

        // The same export again: nothing changes.
        let before = snapshot(ws)
        _ = try RegistrationImport(file: imported, workspace: ws).run(dryRun: false)
        #expect(snapshot(ws) == before)

        // A newer export of the same form.
        try FileManager.default.removeItem(atPath: imported)
        try FileManager.default.copyItem(atPath: fixture("forms/newer/registration-en.xlsx"), toPath: imported)
        let report = try RegistrationImport(file: imported, workspace: ws).run(dryRun: false)
        #expect(report.personIDs == ["kwame-mensah", "ngozi-okafor", "amina-uwase", "amina-uwase-2"])
        let workspace = try load(ws)
        people = workspace.people
        let kwame = try #require(people.first { $0.id.rawValue == "kwame-mensah" })
        #expect(kwame.name == "Kwame Owusu Mensah")  // the override wins
        #expect(kwame.stays.map(\.hotel.id.rawValue) == ["radisson"])
        #expect(kwame.arrival?.number == "ET 815")  // not overridden: the newer export's answer
        #expect(people.first { $0.email == "a.uwase@example.org" }?.dietary == ["vegetarian"])
        #expect(people.first { $0.id.rawValue == "ngozi-okafor" }?.dietary == ["vegetarian"])
        #expect(FileManager.default.contents(atPath: ws + "/people-overrides.yaml") == Data(overrides.utf8))
        #expect(Checker().check([workspace]).filter { $0.rule == "unknown-reference" }.isEmpty)

        // An override that matches nobody is reported by `check`, with the id it probably meant.
        _ = try write(overrides + "  - person: kwame-mensha\n    city: Accra\n", to: "people-overrides.yaml", in: ws)
        let findings = Checker().check([try load(ws)]).filter { $0.rule == "unknown-reference" }
        #expect(findings.count == 1)
        #expect(findings.first?.facts.contains(Fact("did you mean", "kwame-mensah")) == true)
        #expect(findings.first?.locations.first?.line == 9)
    }

    @Test func idsNeverReuseOneASessionOrAnOverrideRefersTo() throws {
        let ws = try logisticsWorkspace()
        var sessions = try String(contentsOfFile: ws + "/sessions.yaml", encoding: .utf8)
        sessions = sessions.replacingOccurrences(
            of: "    language: fr\n", with: "    language: fr\n    speakers: [kwame-mensah]\n")
        try Data(sessions.utf8).write(to: URL(fileURLWithPath: ws + "/sessions.yaml"))
        _ = try write(
            "overrides:\n  - person: amina-uwase\n    city: Kigali\n", to: "people-overrides.yaml", in: ws)
        let report = try RegistrationImport(file: fixture("forms/registration-en.xlsx"), workspace: ws).run(
            dryRun: true)
        #expect(report.personIDs == ["kwame-mensah-2", "amina-uwase-2", "amina-uwase-3"])
    }

    @Test func slugsReadLikeTheName() {
        #expect(RegistrationImport.slug("Amina Uwase") == "amina-uwase")
        #expect(RegistrationImport.slug("  Jean-Baptiste  Hounkpè ") == "jean-baptiste-hounkpe")
        #expect(RegistrationImport.slug("Ngozi O'Kafor") == "ngozi-o-kafor")
        #expect(!RegistrationImport.slug("يوسف بن علي").isEmpty)
        #expect(RegistrationImport.slug("---") == "")
    }

    @Test func dietaryAnswersInEnglishAndFrenchShareOneVocabulary() {
        for (answer, need) in [
            ("Végétarienne", "vegetarian"), ("vegetarian", "vegetarian"), ("VEGGIE", "vegetarian"),
            ("Végétalien", "vegan"), ("Sans porc", "no pork"), ("sans_porc", "no pork"), ("Casher", "kosher"),
            ("sans gluten", "gluten-free"), ("Intolérant au lactose", "lactose-free"), ("Halal", "halal"),
            ("Allergie aux arachides", "allergy: arachides"), ("Allergic to peanuts", "allergy: peanuts"),
            ("Pescatarian", "Pescatarian"),
        ] {
            #expect(DietaryNeed.canonical(answer) == need, "\(answer)")
        }
        for none in ["Aucun", "none", "N/A", "-", "néant"] { #expect(DietaryNeed.canonical(none) == nil, "\(none)") }
    }

    @Test func noColumnNameMeansTwoFields() {
        var seen: [String: PersonField] = [:]
        for (field, names) in DefaultNames.entries {
            for name in names {
                let key = Normalise.key(name)
                if let other = seen[key], other != field { Issue.record("`\(name)` means \(other) and \(field)") }
                seen[key] = field
            }
        }
    }
}

/// Messages for zones, countries and languages written the way people write them.
@Suite struct ActionableMessageTests {
    @Test func abbreviationsAndOffsetsGetTheZoneOfAPlaceAndWhyTheyAreNotZones() throws {
        let cet = try #require(ZoneSuggestion.suggestion(for: "CET"))
        #expect(cet.zone == "Europe/Paris")
        #expect(cet.reason?.contains("abbreviation, not a zone") == true)
        let offset = try #require(ZoneSuggestion.suggestion(for: "GMT+1"))
        #expect(offset.zone == "Africa/Lagos")
        #expect(offset.reason?.contains("fixed offset, not a zone") == true)
        #expect(ZoneSuggestion.suggestion(for: "UTC-03:00")?.zone == "Etc/GMT+3")
        // By city: a member city whose zone is named after another city.
        #expect(ZoneSuggestion.suggestion(for: "Africa/Kumasi")?.zone == "Africa/Accra")
        #expect(ZoneSuggestion.suggestion(for: "heure locale", city: "Kumasi")?.zone == "Africa/Accra")
        #expect(ZoneSuggestion.suggestion(for: "heure locale", country: "GH")?.zone == "Africa/Accra")
        #expect(ZoneSuggestion.suggestion(for: "Africa/Kigal")?.zone == "Africa/Kigali")
        #expect(
            ZoneSuggestion.expectation(for: "CET")
                == "an IANA time zone; did you mean `Europe/Paris`? (`CET` is an abbreviation, not a zone: it does "
                + "not say where, nor when clocks change; write the IANA zone of the place)")
    }

    @Test func aZoneAnswerGetsThatAdviceAndThePersonIsKept() throws {
        let ws = try scratchWorkspace()
        let xml = """
            <submissions>
            <data id="f"><full_name>Kofi Boateng</full_name><email>kofi@example.gh</email><city>Kumasi</city>\
            <timezone>Africa/Kumasi</timezone></data>
            </submissions>
            """
        let file = try write(xml, to: "tz.xml", in: try scratchFolder())
        let report = try RegistrationImport(file: file, workspace: ws).run(dryRun: true)
        #expect(report.people == 1)
        #expect(report.droppedAnswers.map(\.field) == ["timezone"])
        #expect(report.droppedAnswers.first?.reason.contains("did you mean `Africa/Accra`?") == true)
    }

    /// A departure date without a time would be midnight, and every session of that day "after departing".
    @Test func aJourneyDateWithoutATimeIsDroppedAndSaid() throws {
        let ws = try scratchWorkspace()
        let xml = """
            <submissions>
            <data id="f"><full_name>Kofi Boateng</full_name><email>kofi@example.gh</email>\
            <arrival>2027-03-22T14:25</arrival><departure>2027-03-23</departure></data>
            </submissions>
            """
        let file = try write(xml, to: "dates.xml", in: try scratchFolder())
        let report = try RegistrationImport(file: file, workspace: ws).run(dryRun: false)
        #expect(report.people == 1)
        #expect(report.droppedAnswers.map(\.field) == ["departure"])
        #expect(report.droppedAnswers.first?.reason.contains("found a date only") == true)
        let kofi = try #require(try load(ws).people.first)
        #expect(kofi.arrival != nil && kofi.departure == nil)
        #expect(Normalise.isDateOnly("46468"))
        #expect(!Normalise.isDateOnly("46468.8125"))
        #expect(Normalise.isDateOnly("26/03/2027"))
    }

    @Test func aSessionWhollyAfterTheDepartureIsSaidToBeAfterIt() {
        func message(_ rule: String, _ minutes: Int) -> String {
            Finding(
                rule: rule, severity: .error, subjects: [Subject(.person, id: "kofi", label: "Kofi")], minutes: minutes,
                facts: [Fact("buffer", "60 min")], locations: [], event: "e"
            ).message
        }
        #expect(
            message("after-departure", 540)
                == "Kofi (kofi) has a session ending 480 min after departing (buffer 60 min)")
        #expect(
            message("after-departure", 30)
                == "Kofi (kofi) has a session ending 30 min too close to departing (buffer 60 min)")
        #expect(
            message("before-arrival", 90) == "Kofi (kofi) has a session starting 30 min before arriving (buffer 60 min)"
        )
    }

    @Test func theCommandLineGivesItsVersionAndJSONForUnreadableInput() throws {
        let version = try runBaraza(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.stdout.hasPrefix("baraza "))
        let run = try runBaraza(["check", "/no-such-workspace", "--format", "json"])
        #expect(run.exitCode == 2)
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let errors = document?["errors"] as? [[String: Any]]
        #expect((errors?.first?["message"] as? String)?.contains("no such folder") == true)
        #expect(document?["version"] as? Int == 1)
    }

    @Test func countryAndLanguageNamesInYAMLGetTheirCodes() throws {
        let ws = try scratchWorkspace()
        _ = try write(
            "people:\n  - { id: awa, name: Awa, country: Mali, languages: [french] }\n", to: "people.yaml", in: ws)
        var event = try String(contentsOfFile: ws + "/event.yaml", encoding: .utf8)
        event += "  - people.yaml\n"
        try Data(event.utf8).write(to: URL(fileURLWithPath: ws + "/event.yaml"))
        let failure = #expect(throws: WorkspaceLoadFailure.self) { try load(ws) }
        let messages = failure?.errors.map(\.message).joined(separator: "\n") ?? ""
        #expect(messages.contains("(`Mali` is a country's name: write `ML`)"))
        #expect(messages.contains("(`french` is a language's name: write `fr`)"))
    }
}

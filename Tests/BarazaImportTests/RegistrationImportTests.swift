import BarazaChecks
import BarazaModel
import BarazaTestSupport
import BarazaWorkspace
import Foundation
import Testing

@testable import BarazaImport

@Suite struct RegistrationImportTests {
    @Test func odkExportIsNormalisedDeduplicatedAndLoadedByTheWorkspace() throws {
        let ws = try scratchWorkspace()
        let report = try RegistrationImport(file: fixture("odk-inscriptions.xml"), workspace: ws).run(dryRun: false)
        #expect(report.format == .odkInstances)
        #expect(report.records == 4)
        #expect(report.people == 2)
        // Record 3 has `kwame.mensah[at]example.org`: refused, with line, record id and field, without the value.
        #expect(report.badRecords.count == 1)
        let bad = try #require(report.badRecords.first)
        #expect(bad.location.hasSuffix("odk-inscriptions.xml:48"))
        #expect(bad.record == "uuid:7b0c0a4e-0003-4000-8000-000000000003")
        #expect(bad.field == "email")
        #expect(!bad.description.contains("kwame"))
        // Record 4 resubmits record 1 (email in another case): the later one wins, and the merge is reported.
        #expect(report.merges.count == 1)
        #expect(report.merges[0].kept.hasPrefix("uuid:7b0c0a4e-0004"))
        #expect(report.merges[0].dropped.count == 1 && report.merges[0].dropped[0].hasPrefix("uuid:7b0c0a4e-0001"))
        #expect(report.unmappedColumns.map(\.column) == ["accompagnants/nom_accompagnant", "remarques"])

        let workspace = try load(ws)
        #expect(workspace.people.count == 2)
        let aminata = try #require(workspace.people.first { $0.email == "aminata.traore@example.org" })
        #expect(aminata.name == "Aminata Traoré")
        #expect(aminata.name.unicodeScalars.count == "Aminata Traore".unicodeScalars.count)  // NFC: é is one scalar
        #expect(aminata.organisation == "Ville de Bamako")  // from the later submission
        #expect(aminata.country == "ML")
        #expect(aminata.consent.shareContact)
        #expect(
            aminata.source
                == Provenance(
                    file: "registrations/odk-inscriptions.xml", record: "uuid:7b0c0a4e-0004-4000-8000-000000000004"))
        // 18:40 UTC is 20:40 in Kigali; 22:10+02:00 stays 22:10.
        #expect(aminata.arrival?.instant == Instant(secondsSince1970: 1_805_740_800))
        #expect(aminata.departure?.instant == Instant(secondsSince1970: 1_806_005_400))
        let youssef = try #require(workspace.people.first { $0.email == "youssef.benali@example.net" })
        #expect(youssef.name == "يوسف بن علي")
        #expect(youssef.country == "MR")  // "Mauritanie"
        #expect(youssef.languages.map(\.code) == ["ar", "fr"])
        // Sign-ups reach the sessions, so capacity and language checks see them.
        let workshop = try #require(workspace.sessions.first { $0.id.rawValue == "workshop-a" })
        #expect(workshop.signUps.map(\.id.rawValue) == [youssef.id.rawValue])
        // The raw export is kept byte for byte.
        let kept = FileManager.default.contents(atPath: ws + "/registrations/odk-inscriptions.xml")
        #expect(kept == FileManager.default.contents(atPath: fixture("odk-inscriptions.xml")))
    }

    @Test func reimportingTheSameExportChangesNothing() throws {
        let ws = try scratchWorkspace()
        let job = RegistrationImport(file: fixture("odk-inscriptions.xml"), workspace: ws)
        _ = try job.run(dryRun: false)
        let first = snapshot(ws)
        _ = try job.run(dryRun: false)
        #expect(snapshot(ws) == first)
        // A second export joins the index; the first stays listed.
        _ = try RegistrationImport(file: fixture("google-forms-fr.xlsx"), workspace: ws).run(dryRun: false)
        let index = try String(contentsOfFile: ws + "/registrations.yaml", encoding: .utf8)
        #expect(index.contains("registrations/odk-inscriptions.xml.people.yaml"))
        #expect(index.contains("registrations/google-forms-fr.xlsx.people.yaml"))
        #expect(try load(ws).people.count == 4)
        let event = try String(contentsOfFile: ws + "/event.yaml", encoding: .utf8)
        #expect(event.components(separatedBy: "registrations.yaml").count == 2)  // included once
    }

    @Test func dryRunAndStrictWriteNothing() throws {
        let ws = try scratchWorkspace()
        let before = snapshot(ws)
        let report = try RegistrationImport(file: fixture("odk-inscriptions.xml"), workspace: ws).run(dryRun: true)
        #expect(report.people == 2)
        #expect(snapshot(ws) == before)
        #expect(throws: ImportError.self) {
            try RegistrationImport(file: fixture("odk-inscriptions.xml"), workspace: ws, strict: true).run(
                dryRun: false)
        }
        #expect(snapshot(ws) == before)
    }

    @Test func xlsxWithFrenchHeadersSharedStringsAndDateSerials() throws {
        for file in ["google-forms-fr.xlsx", "excel-mac-1904.xlsx"] {
            let ws = try scratchWorkspace()
            let report = try RegistrationImport(file: fixture(file), workspace: ws).run(dryRun: false)
            #expect(report.format == .xlsx)
            #expect(report.records == 3 && report.people == 2 && report.merges.count == 1)
            #expect(report.unmappedColumns.map(\.column) == ["Commentaire"])
            let people = try load(ws).people
            let ngozi = try #require(people.first { $0.email == "ngozi.okafor@example.com" })
            #expect(ngozi.id.rawValue == "ngozi-okafor")
            #expect(ngozi.roles == [.speaker])  // the later answer ("speaker") over "intervenante"
            #expect(ngozi.country == "NG")
            #expect(ngozi.dietary == ["vegetarian"])
            // 46468.8125 (1900 system) or 45006.8125 (1904 system) is 2027-03-22 19:30 in Kigali.
            #expect(ngozi.arrival?.instant == Instant(secondsSince1970: 1_805_736_600))
            let jb = try #require(people.first { $0.email == "jean-baptiste.hounkpe@example.bj" })
            #expect(jb.familyName == "Hounkpè" && jb.country == "BJ")
        }
    }

    /// A CSV saved by a French Excel (`;`, a byte-order mark, CRLF) imports like the workbook it came from; a
    /// bad answer after a multi-line one is reported at its own line.
    @Test func csvFromAFrenchExcelImportsWithLinesThatMatchTheFile() throws {
        let folder = try scratchFolder()
        let text =
            "Horodateur;Adresse e-mail;Prénom;Nom;Pays;Rôle;Régime alimentaire;Commentaire\r\n"
            + "2027-03-01 10:00;ngozi.okafor@example.com;Ngozi;Okafor;Nigeria;intervenante;Végétarienne;"
            + "\"Arrive tard;\r\nmerci\"\r\n"
            + "2027-03-01 11:00;pas-un-courriel;Awa;Diop;Sénégal;participante;;\r\n"
            + "2027-03-01 12:00;jean-baptiste.hounkpe@example.bj;Jean-Baptiste;Hounkpè;Bénin;participant;;\r\n"
        let file = (folder as NSString).appendingPathComponent("inscriptions.csv")
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: URL(fileURLWithPath: file))
        let ws = try scratchWorkspace()
        let report = try RegistrationImport(file: file, workspace: ws).run(dryRun: false)
        #expect(report.format == .csv)
        #expect(report.records == 3 && report.people == 2)
        #expect(report.unmappedColumns.map(\.column) == ["Commentaire"])
        #expect(report.badRecords.map(\.location) == ["\(file):4"])
        let people = try load(ws).people
        let ngozi = try #require(people.first { $0.email == "ngozi.okafor@example.com" })
        #expect(ngozi.country == "NG" && ngozi.roles == [.speaker] && ngozi.dietary == ["vegetarian"])
        let jb = try #require(people.first { $0.email == "jean-baptiste.hounkpe@example.bj" })
        #expect(jb.familyName == "Hounkpè" && jb.country == "BJ")
        // Not text at all, or nothing in it: refused before anything is read, the workspace untouched.
        let before = snapshot(ws)
        let binary = (folder as NSString).appendingPathComponent("photo.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]).write(to: URL(fileURLWithPath: binary))
        let empty = try write("\n \n", to: "empty.csv", in: folder)
        for (path, reason) in [(binary, "not a registration export"), (empty, "the file is empty")] {
            let error = #expect(throws: ImportError.self) {
                try RegistrationImport(file: path, workspace: ws).run(dryRun: false)
            }
            #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        }
        #expect(snapshot(ws) == before)
    }

    /// Dates in the export's locale: without `date_order`, `03/04/2027` is reported as reading both ways (the
    /// person kept); with it, read as told.
    @Test func slashDatesFollowTheMappingsDateOrder() throws {
        let folder = try scratchFolder()
        let csv = try write(
            "Nom,Courriel,Arrivée\nAline,aline@example.rw,03/04/2027 19:30\nKofi,kofi@example.gh,22/03/2027 08:00\n",
            to: "inscriptions.csv", in: folder)
        let ws = try scratchWorkspace()
        let guessed = try RegistrationImport(file: csv, workspace: ws).run(dryRun: true)
        #expect(guessed.people == 2)
        #expect(guessed.droppedAnswers.map(\.location) == ["\(csv):2"])
        #expect(guessed.droppedAnswers.first?.reason.contains("date_order: day-first") == true)
        let mapping = try write("date_order: day-first\n", to: "mapping.yaml", in: folder)
        let told = try RegistrationImport(
            file: csv, workspace: ws, mapping: RegistrationMapping.load(path: mapping)
        ).run(dryRun: false)
        #expect(told.droppedAnswers.isEmpty && told.badRecords.isEmpty)
        let kigali = try #require(Zone(identifier: "Africa/Kigali"))
        let aline = try #require(try load(ws).people.first { $0.email == "aline@example.rw" })
        let third = try Normalise.instant("2027-04-03T19:30", zone: kigali).get()
        #expect(aline.arrival?.instant == third)
        let bad = try write("date_order: sideways\n", to: "bad.yaml", in: folder)
        let error = #expect(throws: ImportError.self) { try RegistrationMapping.load(path: bad) }
        #expect(error?.description.contains("bad.yaml:1:1") == true)
    }

    /// A `select_multiple` answer is choice names between spaces in ODK submissions and in KoBo/Ona sheets (told by
    /// their bookkeeping columns): split; free text in the same field is not; Google's checkboxes use commas.
    @Test func choiceListsAreSplitOnSpacesOnlyWhereTheFormToolWritesThem() throws {
        let folder = try scratchFolder()
        let kobo = try write(
            "full_name,email,dietary,accessibility,_uuid\n"
                + "Awa Diop,awa@example.sn,halal vegan,wheelchair_access,u1\n"
                + "Kofi Mensah,kofi@example.gh,lactose_free,Allergie aux arachides,u2\n",
            to: "kobo.csv", in: folder)
        let google = try write(
            "Full name,Email,Dietary\nAwa Diop,awa@example.sn,\"Halal, Vegan\"\nKofi Mensah,kofi@example.gh,no pork\n",
            to: "google.csv", in: folder)
        let ws = try scratchWorkspace()
        _ = try RegistrationImport(file: kobo, workspace: ws).run(dryRun: false)
        var people = try load(ws).people
        #expect(people.first { $0.email == "awa@example.sn" }?.dietary == ["halal", "vegan"])
        #expect(people.first { $0.email == "kofi@example.gh" }?.accessibility == ["Allergie aux arachides"])
        let other = try scratchWorkspace()
        _ = try RegistrationImport(file: google, workspace: other).run(dryRun: false)
        people = try load(other).people
        #expect(people.first { $0.email == "awa@example.sn" }?.dietary == ["halal", "vegan"])
        #expect(people.first { $0.email == "kofi@example.gh" }?.dietary == ["no pork"])
    }

    /// Microsoft Forms puts the respondent's account in `Email` and `Name` (`anonymous` and nothing for an
    /// anonymous form) before the form's own questions: the answers that are an email address and a name win.
    @Test func microsoftFormsAnonymousAccountColumnsGiveWayToTheFormsOwnAnswers() throws {
        let folder = try scratchFolder()
        let export = try write(
            "ID,Start time,Completion time,Email,Name,Full name,Email address\n"
                + "1,2027-03-01 10:00:05,2027-03-01 10:02:11,anonymous,,Amina Uwase,amina@example.org\n"
                + "2,2027-03-01 11:00:05,2027-03-01 11:02:11,kofi@knust.edu.gh,Kofi M.,Kofi Mensah,kofi@example.gh\n"
                + "3,2027-03-01 12:00:05,2027-03-01 12:02:11,anonymous,,Awa Diop,not an email\n",
            to: "ms-forms.csv", in: folder)
        let report = try RegistrationImport(file: export, workspace: try scratchWorkspace()).run(dryRun: true)
        #expect(report.people == 2)
        #expect(report.badRecords.map(\.location) == ["\(export):4"])
        #expect(report.personIDs == ["amina-uwase", "kofi-m"])
    }

    @Test func spreadsheetMLWithArabicNamesRichTextAndFreeTextNeeds() throws {
        let ws = try scratchWorkspace()
        let report = try RegistrationImport(file: fixture("spreadsheetml-inscriptions.xml"), workspace: ws).run(
            dryRun: false)
        #expect(report.format == .spreadsheetML)
        #expect(report.people == 2)
        #expect(report.unmappedColumns.map(\.column) == ["Taille de t-shirt"])
        let people = try load(ws).people
        #expect(people.map(\.name) == ["منصور حسين الناصر", "Célestine Houngbo"])
        #expect(people[0].languages.map(\.code) == ["ar", "fr"])
        #expect(people[0].country == "TN")
        #expect(people[1].accessibility == ["fauteuil roulant"])  // free text is not split on spaces
        #expect(people[1].source?.record == "row 3")
    }

    @Test func mappingFileTiesColumnsAndReportsItsOwnErrorsWithALine() throws {
        let ws = try scratchWorkspace()
        let mapping = try RegistrationMapping.load(path: fixture("odk-mapping.yaml"))
        let report = try RegistrationImport(file: fixture("odk-inscriptions.xml"), workspace: ws, mapping: mapping)
            .run(dryRun: true)
        #expect(report.unmappedColumns.isEmpty)
        do {
            _ = try RegistrationMapping.load(path: fixture("bad-mapping.yaml"))
            Issue.record("expected a mapping error")
        } catch {
            #expect(error.description.contains("bad-mapping.yaml:2:"))
            #expect(error.description.contains("e_mail") == false)
            #expect(error.description.contains("given_name"))
        }
    }

    @Test func defaultNamesMatchCaseAccentsAndSpacesLoosely() {
        let mapping = RegistrationMapping()
        #expect(mapping.field(for: "ADRESSE E-MAIL") == .email)
        #expect(mapping.field(for: "Courriel") == .email)
        #expect(mapping.field(for: "Prénom") == .givenName)
        #expect(mapping.field(for: "prenom") == .givenName)
        #expect(mapping.field(for: "Nom") == .familyName)
        #expect(mapping.field(for: "full_name") == .name)
        #expect(mapping.field(for: "Structure") == .organisation)
        #expect(mapping.field(for: " Ville ") == .city)
        #expect(mapping.field(for: "Pays") == .country)
        #expect(mapping.field(for: "grp_contact/email") == .email)
        #expect(mapping.field(for: "meta/instanceID") == .recordID)
        #expect(mapping.field(for: "Pointure") == nil)
    }

    @Test func normalisationOfCountriesEmailsInstantsAndText() throws {
        #expect(Normalise.country("Côte d'Ivoire") == "CI")
        #expect(Normalise.country("cote d ivoire") == "CI")
        #expect(Normalise.country("Sénégal") == "SN")
        #expect(Normalise.country("Senegal") == "SN")
        #expect(Normalise.country("Rwanda") == "RW")
        #expect(Normalise.country("Bénin") == "BJ")
        #expect(Normalise.country("Mozambique") == "MZ")
        #expect(Normalise.country("Maroc") == "MA")
        #expect(Normalise.country("rw") == "RW")
        #expect(Normalise.country("Atlantis") == nil)
        #expect(Normalise.email("  Awa.Diallo@Example.SN ") == "awa.diallo@example.sn")
        #expect(Normalise.email("awa@localhost") == nil)
        #expect(Normalise.email("a b@example.org") == nil)
        #expect(Normalise.text("  Ama\u{0301}  Mensah\n") == "Amá Mensah")
        let kigali = try #require(Zone(identifier: "Africa/Kigali"))
        let expected = Instant(secondsSince1970: 1_805_740_800)  // 2027-03-22T18:40Z
        for text in [
            "2027-03-22T18:40:00.000Z", "2027-03-22T21:40:00.000+03", "2027-03-22T21:40:00+03:00",
            "2027-03-22T20:40", "2027-03-22 20:40:00",
        ] {
            #expect(try Normalise.instant(text, zone: kigali).get() == expected, "\(text)")
        }
        let paris = try #require(Zone(identifier: "Europe/Paris"))
        #expect(throws: Normalise.InstantProblem.nonexistentLocalTime) {
            try Normalise.instant("2027-03-28T02:30", zone: paris).get()
        }
    }

    @Test func emailAlreadyInTheWorkspaceIsSkippedAndReported() throws {
        let ws = try scratchWorkspace()
        let people = """
            people:
              - { id: aminata, name: Aminata Traoré, email: aminata.traore@example.org }

            """
        _ = try write(people, to: "people.yaml", in: ws)
        var event = try String(contentsOfFile: ws + "/event.yaml", encoding: .utf8)
        event += "  - people.yaml\n"
        try Data(event.utf8).write(to: URL(fileURLWithPath: ws + "/event.yaml"))
        let report = try RegistrationImport(file: fixture("odk-inscriptions.xml"), workspace: ws).run(dryRun: false)
        #expect(report.people == 1)
        #expect(report.alreadyInWorkspace.count == 2)
        #expect(try load(ws).people.count == 2)
    }

    @Test func theCommandLineImportsAndReports() throws {
        let ws = try scratchWorkspace()
        let run = try runBaraza(["import", "registrations", fixture("odk-inscriptions.xml"), "--into", ws])
        #expect(run.exitCode == 0)
        #expect(run.stderr.contains("odk-inscriptions.xml:48: warning: record uuid:7b0c0a4e-0003"))
        #expect(!run.stderr.contains("kwame"))
        #expect(run.stdout.contains("4 record(s), 2 people, 1 merge(s), 1 invalid record(s) skipped"))
        let check = try runBaraza(["check", ws])
        #expect(check.exitCode == 0)
        let hostile = try runBaraza(["import", "registrations", ws + "/event.yaml", "--into", ws])
        #expect(hostile.exitCode == 2)
    }
}

import Foundation
import Testing

@testable import BarazaXML

/// The registration readers on the real exports in /work/shared/data/registrations.
@Suite struct FormReaderTests {
    func sample(_ path: String) -> String { registrationSamples.appendingPathComponent(path).path }

    @Test func odkNestedRepeatsAreIndexedAndGroupsJoinedWithSlashes() throws {
        let records = try ODKSubmissionReader.readTable(
            contentsOf: sample("instances/ona-nested-repeat-persons.instance.xml")
        ).records
        #expect(records.count == 1)
        let r = records[0]
        #expect(r.recordID == "uuid:6c38165f-9667-4644-ad18-1d8461b1d7d9")
        #expect(r.value("formhub/uuid") == "cebbde117cbf44828c81718bd80fe58d")
        #expect(r.value("hospital/hiv_medication/food") == "cake cheese ham vegetables")  // select_multiple
        #expect(r.value("hospital/hiv_medication/person_repeat[2]/person/first_name") == "Babam")
        #expect(r.value("hospital/hiv_medication/person_repeat[1]/person/age") == "23")
    }

    @Test func odkGroupsInsideRepeatsAndSelectMultiplesInsideRepeats() throws {
        let groups = try ODKSubmissionReader.readTable(
            contentsOf: sample("instances/ona-groups-in-repeats.instance.xml"))
        #expect(groups.records[0].value("children[2]/immunization/immunization_received") == "polio_1 polio_2")
        let selects = try ODKSubmissionReader.readTable(
            contentsOf: sample("instances/ona-tutorial-repeats-selects.instance.xml"))
        #expect(selects.records[0].values("children[1]/childs_colors") == ["red blue"])
        #expect(selects.records[0].value("web_browsers") == "firefox chrome")
    }

    @Test func odkCharacterReferencesNamespacesAndMetadata() throws {
        let accents = try ODKSubmissionReader.readTable(
            contentsOf: sample("instances/ona-accents-charrefs.instance.xml"))
        #expect(accents.records[0].value("words_with_accents") == "père té tête")
        // Encrypted envelope: default namespace and orx:meta are read by local name.
        let envelope = try ODKSubmissionReader.readTable(
            contentsOf: sample("instances/ona-encrypted-envelope.instance.xml"))
        #expect(envelope.records[0].recordID == "uuid:c15252fe-b6f3-4853-8f04-bf89dc73985a")
        // No meta block: submission time falls back to `end`, with its two-digit offset kept as written.
        let survey = try ODKSubmissionReader.readTable(
            contentsOf: sample("instances/ona-school-survey-large.instance.xml"))
        #expect(survey.records[0].recordID == nil)
        #expect(survey.records[0].submittedAt == "2012-04-17T14:19:41.752+03")
    }

    @Test func anXFormDefinitionIsNotTakenForSubmissions() {
        let error = importError {
            _ = try ODKSubmissionReader.readTable(contentsOf: sample("xforms/ona-registration.xform.xml"))
        }
        guard case .unsupportedFormat = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    @Test func firstLeafAtTheRecordRootKeepsItsPath() throws {
        let xml = "<r><data id=\"f\"><a>x</a><g><b>y</b></g></data><data id=\"f\"><a>z</a></data></r>"
        let reader = try ODKSubmissionReader(bytes: Array(xml.utf8), sourceName: "mem.xml")
        let records = try reader.readAll()
        #expect(records.map(\.paths) == [["a", "g/b"], ["a"]])
        #expect(records.map { $0.value("a") } == ["x", "z"])
    }

    @Test func onaXLSXExportWithInlineStringsGapsAndSerialDates() throws {
        let table = try XLSXReader.readTable(contentsOf: sample("xlsx/ona-transportation-submissions-export.xlsx"))
        #expect(table.format == .xlsx)
        #expect(table.columns.count == 36)
        #expect(table.columns.contains("meta/instanceID"))
        #expect(table.records.map(\.sourceLine) == [2, 3, 4, 5])
        let first = table.records[0]
        #expect(first.recordID == "uuid:5b2cc313-fc09-437e-8149-fcd32f695d41")
        // 41319.65… styled `yyyy-mm-dd h:mm:ss` in the 1900 date system.
        #expect(first.submittedAt == "2013-02-14T15:37:21")
        #expect(first.value("_submitted_by") == "bob")
        #expect(first.value("transport/available_transportation_types_to_referral_facility/ambulance") == "FALSE")
    }

    @Test func serialDatesInBothDateSystems() {
        #expect(SerialDate.isoString(serial: 1, date1904: false) == "1900-01-01T00:00:00")
        #expect(SerialDate.isoString(serial: 59, date1904: false) == "1900-02-28T00:00:00")
        #expect(SerialDate.isoString(serial: 61, date1904: false) == "1900-03-01T00:00:00")
        #expect(SerialDate.isoString(serial: 46_468.8125, date1904: false) == "2027-03-22T19:30:00")
        #expect(SerialDate.isoString(serial: 0, date1904: true) == "1904-01-01T00:00:00")
        #expect(SerialDate.isoString(serial: 45_006.8125, date1904: true) == "2027-03-22T19:30:00")
        #expect(SerialDate.isoString(serial: -1, date1904: false) == nil)
        #expect(SerialDate.isoString(serial: .infinity, date1904: false) == nil)
    }

    @Test func dateFormatCodesAreToldFromQuotedText() {
        #expect(XLSXReader.isDateFormat("yyyy\\-mm\\-dd\\ h:mm:ss"))
        #expect(XLSXReader.isDateFormat("dd/mm/yyyy"))
        #expect(!XLSXReader.isDateFormat("\\20\"12-\"0\"2-14T14:23:34\""))  // Ona's literal-text format
        #expect(!XLSXReader.isDateFormat("[Red]0.00"))
        #expect(!XLSXReader.isDateFormat("0.00%"))
    }

    @Test func spreadsheetMLWithIndexGapsEncodingsAndArabicNames() throws {
        let book = try SpreadsheetMLReader.readTable(contentsOf: sample("spreadsheetml/phpspreadsheet-excel2003.xml"))
        #expect(book.format == .spreadsheetML)
        #expect(book.columns.prefix(3) == ["Test for a simple colour-formatted string", "1", "5"])
        // `ss:Index="5"` skips column 4.
        #expect(book.columns[3] == "column_4" && book.columns[4] == "A")
        #expect(book.records[0].value("A") == "B")
        let latin1 = try SpreadsheetMLReader.readTable(
            contentsOf: sample("spreadsheetml/phpspreadsheet-excel2003-iso8859-1.xml"))
        #expect(latin1.columns == ["Voilà"])
        let arabic = try SpreadsheetMLReader.readTable(
            contentsOf: sample("spreadsheetml/phpspreadsheet-arabic-names.xml"))
        #expect(arabic.columns == ["1-منصور حسين الناصر"])
        // `ss:Index="5"` on a row: the row number follows it.
        #expect(arabic.records.map(\.sourceLine) == [2, 3, 5])
    }
}

@Test func recordsPastLine65535KeepTheirLines() throws {
    // libxml2's tree keeps element lines in 16 bits; records beyond that still get the line of their start tag.
    let padding = String(repeating: "\n", count: 70_000)
    let xml = "<r>\(padding)<data id=\"f\">\n<a>x</a></data>\n<data id=\"f\"><a>y</a></data></r>"
    let reader = try ODKSubmissionReader(bytes: Array(xml.utf8), sourceName: "long.xml")
    let records = try reader.readAll()
    #expect(records.map(\.sourceLine) == [70_001, 70_003])
}

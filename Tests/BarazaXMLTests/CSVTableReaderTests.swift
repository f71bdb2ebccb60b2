import BarazaModel
import Foundation
import Testing

@testable import BarazaXML

typealias SourceLocation = BarazaModel.SourceLocation

/// CSV exports as Google Forms, KoBo and Excel write them, and the ones that cannot be read exactly.
@Suite struct CSVTableReaderTests {
    func read(_ bytes: [UInt8], limits: XMLLimits = .default) throws -> FormTable {
        try CSVTableReader.readTable(data: Data(bytes), path: "form.csv", limits: limits)
    }

    func read(_ text: String) throws -> FormTable { try read(Array(text.utf8)) }

    func location(of body: () throws -> Void) -> SourceLocation? {
        do { try body() } catch let error as XMLImportError { return error.location } catch { return nil }
        return nil
    }

    @Test func googleFormsQuotedHeaderMultiLineAnswersAndDoubledQuotes() throws {
        let table = try read(
            "\"Timestamp\",\"Email Address\",\"Full name\",\"Comments\"\r\n"
                + "\"2027/03/01 10:00:00\",\"amina@example.org\",\"Amina Uwase\",\"first line\r\nsecond line\"\r\n"
                + "\"2027/03/01 11:00:00\",\"jean@example.org\",\"Jean \"\"JM\"\" Martin\",\"\"\r\n"
                + "\"2027/03/01 12:00:00\",\"kofi@example.org\",\"Kofi, Mensah\",\"a\nb\nc\"\r\n"
                + "\"2027/03/01 13:00:00\",\"ngozi@example.org\",\"Ngozi\",\"\"\r\n")
        #expect(table.format == .csv)
        #expect(table.columns == ["Timestamp", "Email Address", "Full name", "Comments"])
        #expect(table.records.map(\.sourceLine) == [2, 4, 5, 8])
        #expect(table.records[0].value("Comments") == "first line\r\nsecond line")
        #expect(table.records[1].value("Full name") == "Jean \"JM\" Martin")
        #expect(table.records[2].value("Full name") == "Kofi, Mensah")
        #expect(table.records[3].value("Email Address") == "ngozi@example.org")
    }

    @Test func frenchExcelSemicolonsWithByteOrderMarkAndBlankLines() throws {
        let text =
            "Horodateur;Adresse e-mail;Nom;Pays\r\n01/03/2027 10:00;aline@example.rw;Aline Uwimana;Rwanda\r\n"
            + "\r\n01/03/2027 11:00;jb@example.bj;Jean-Baptiste Hounkpè;Bénin\r\n\r\n"
        let table = try read([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(table.columns == ["Horodateur", "Adresse e-mail", "Nom", "Pays"])
        #expect(table.records.count == 2)
        #expect(table.records.map(\.sourceLine) == [2, 4])
        #expect(table.records[1].value("Nom") == "Jean-Baptiste Hounkpè")
        #expect(table.records[1].value("Pays") == "Bénin")
    }

    @Test func excelUnicodeTextIsUTF16WithTabs() throws {
        let text = "Nom\tCourriel\nFatoumata Diallo\tfatou@example.ml\n"
        let table = try read([0xFF, 0xFE] + Array(text.data(using: .utf16LittleEndian)!))
        #expect(table.columns == ["Nom", "Courriel"])
        #expect(table.records.first?.value("Nom") == "Fatoumata Diallo")
        let big = try read([0xFE, 0xFF] + Array(text.data(using: .utf16BigEndian)!))
        #expect(big.records.first?.value("Courriel") == "fatou@example.ml")
    }

    /// Windows-1252 is refused where its first byte that is not UTF-8 stands, never read as mojibake.
    @Test func textThatIsNotUTF8IsRefusedAtItsFirstByte() throws {
        let bytes = Array("Nom,Ville\nAline,Kigali\nJB,".utf8) + [0x42, 0xE9, 0x6E, 0x69, 0x6E] + Array("\n".utf8)
        #expect(location { _ = try read(bytes) } == SourceLocation(file: "form.csv", line: 3, column: 5))
        #expect(throws: XMLImportError.self) { _ = try read([0x00, 0x01, 0x02]) }
    }

    @Test func aQuotedFieldNeverClosedIsRefusedAtItsRecord() throws {
        let text = "Name,Email\nAmina,amina@example.org\n\"Jean,jean@example.org\nKofi,kofi@example.org\n"
        #expect(location { _ = try read(text) } == SourceLocation(file: "form.csv", line: 3, column: 1))
        // Closed at the very end of the file, a multi-line answer is fine.
        let closed = try read("Name,Note\nAmina,\"two\nlines\"")
        #expect(closed.records.first?.value("Note") == "two\nlines")
    }

    @Test func aFieldOverItsLimitIsRefused() throws {
        let text = "Name,Note\nAmina," + String(repeating: "x", count: 200) + "\n"
        let error = #expect(throws: XMLImportError.self) {
            _ = try read(Array(text.utf8), limits: XMLLimits(maxTextBytes: 100))
        }
        #expect(
            error
                == .invalidContent(
                    SourceLocation(file: "form.csv", line: 2, column: 1),
                    message: "a field of 200 bytes; expected at most 100"))
        let header = "Name," + String(repeating: "n", count: 200) + "\nAmina,x\n"
        let named = #expect(throws: XMLImportError.self) {
            _ = try read(Array(header.utf8), limits: XMLLimits(maxNameLength: 100))
        }
        #expect(
            named
                == .invalidContent(
                    SourceLocation(file: "form.csv", line: 1, column: 1),
                    message: "a column name of 200 bytes; expected at most 100"))
    }

    @Test func aRecordWiderThanASheetIsRefused() throws {
        let wide = "a" + String(repeating: ",", count: CSVTableReader.maximumColumns) + "\n"
        #expect(location { _ = try read("Name\n" + wide) } == SourceLocation(file: "form.csv", line: 2, column: 1))
        let widest = "a" + String(repeating: ",", count: CSVTableReader.maximumColumns - 1) + "\n"
        #expect(try read("Name\n" + widest).records.count == 1)
    }

    @Test(
        arguments: [
            ("a,b;c\n", ","), ("a;b;c,d\n", ";"), ("a\tb\tc\n", "\t"), ("\"a;b\",c\n", ","), ("single\n", ","),
        ] as [(String, Unicode.Scalar)])
    func theSeparatorIsTheOneTheHeaderUsesMost(text: String, separator: Unicode.Scalar) {
        #expect(CSVTableReader.separator(of: text) == separator)
    }
}

/// The registration-export formats this module reads.
public enum RegistrationFormat: String, Sendable, Hashable, CaseIterable {
    /// ODK / KoBoToolbox / Ona submission instances: one per file, or many inside a wrapper element.
    case odkInstances
    /// An Office Open XML workbook (`.xlsx`): Google Forms, Microsoft Forms, Ona/KoBo exports.
    case xlsx
    /// An Excel 2003 XML workbook (SpreadsheetML, `urn:schemas-microsoft-com:office:spreadsheet`).
    case spreadsheetML
    /// A CSV file (Google Forms, KoBo/Ona CSV exports, Excel's CSV UTF-8 or Unicode text), see ``CSVTableReader``.
    case csv
}

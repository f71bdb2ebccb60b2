import BarazaOutput
import Foundation

extension AtomicFile {
    /// `produce(at:)` for PDFs: Cairo writes the temporary file by path; a failure to write it names the
    /// destination (never the temporary name), and errors other than the PDF's own become `.couldNotWrite` with
    /// the system's error number.
    static func write(to destination: URL, _ produce: (String) throws(PDFError) -> Void) throws(PDFError) {
        do {
            try AtomicFile.produce(at: destination.path) { path in try produce(path) }
        } catch PDFError.couldNotWrite(_, let code) {
            throw .couldNotWrite(path: destination.path, errno: code)
        } catch let error as PDFError {
            throw error
        } catch let error as POSIXError {
            throw .couldNotWrite(path: destination.path, errno: error.code.rawValue)
        } catch {
            throw .couldNotWrite(path: destination.path, errno: EIO)
        }
    }
}

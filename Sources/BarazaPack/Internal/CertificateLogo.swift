import BarazaFolder
import BarazaModel
import BarazaPDF
import Foundation

/// The organiser's logo named by `certificates.logo`, read from inside the workspace only.
///
/// Containment is decided on canonical paths, as for materials (``WorkspaceFolder``): neither a path written with
/// `..` nor a link inside the workspace leads out of it, and the file is opened from the folder down without
/// following links. It is opened once, its size checked before it is read, and its content never appears in an
/// error.
enum CertificateLogo {
    static func load(_ workspace: Workspace) throws(PackError) -> DocumentImage? {
        let settings = workspace.certificateSettings
        guard let written = settings.logo else { return nil }
        let location = settings.location ?? workspace.event.location
        func refuse(_ reason: String) -> PackError { .logo(path: written, reason: reason, at: location) }

        guard let format = DocumentImage.format(ofFileNamed: written) else {
            throw refuse("expected a .png or .svg file")
        }
        if written.hasPrefix("/") || written.hasPrefix("~") || written.split(separator: "/").contains("..") {
            throw refuse("is outside the workspace; expected a path relative to it")
        }
        // Where the path really leads (links resolved) decides, then the file is opened from the workspace folder
        // down without following links (see `WorkspaceFolder`).
        let entry: WorkspaceFolder.Entry
        let folder: WorkspaceFolder
        do {
            folder = try WorkspaceFolder(workspace.path)
            entry = try folder.resolve(written)
        } catch {
            switch error {
            case .outside: throw refuse("is outside the workspace (through a link)")
            case .absolute, .invalidPath: throw refuse("is outside the workspace; expected a path relative to it")
            default: throw refuse("cannot be read: \(error.reason)")
            }
        }
        guard entry.exists else { throw refuse("does not exist in the workspace") }
        let descriptor: Int32
        do { descriptor = try folder.open(entry, written: written) } catch {
            switch error {
            case .notAFile: throw refuse("is not a regular file")
            case .notFound: throw refuse("does not exist in the workspace")
            default: throw refuse("cannot be read: \(error.reason)")
            }
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw refuse("cannot be read") }
        guard Int(status.st_size) <= DocumentImage.maximumBytes else {
            throw refuse("cannot be used: \(ImageError.tooLarge(bytes: Int(status.st_size)))")
        }
        // Read at most one byte past the limit: a file that grew since it was measured is still refused.
        let data: Data
        do {
            data = try handle.read(upToCount: DocumentImage.maximumBytes + 1) ?? Data()
        } catch {
            throw refuse("cannot be read")
        }
        do {
            return try DocumentImage(data: data, format: format)
        } catch {
            throw refuse("cannot be used: \(error)")
        }
    }
}

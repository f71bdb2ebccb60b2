import BarazaModel
import BarazaPDF
import Foundation

/// The organiser's logo named by `certificates.logo`, read from inside the workspace only.
///
/// Containment is decided on canonical paths, as for materials: the workspace folder and the logo are both
/// resolved (symbolic links followed, `..` collapsed) and the logo must lie below the folder, so neither a
/// path written with `..` nor a link inside the workspace leads out of it. The file is opened once, its size
/// checked before it is read, and its content never appears in an error.
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
        let root = Materials.realPath(workspace.path) ?? (workspace.path as NSString).standardizingPath
        let full = (root as NSString).appendingPathComponent(written)
        guard let real = Materials.realPath(full) else {
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil {
                throw refuse("is a link to nothing inside the workspace")
            }
            throw refuse("does not exist in the workspace")
        }
        guard real.hasPrefix(root + "/") else { throw refuse("is outside the workspace (through a link)") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: real)
        guard attributes?[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes?[.size] as? NSNumber)?.intValue
        else { throw refuse("is not a regular file") }
        guard size <= DocumentImage.maximumBytes else {
            throw refuse("cannot be used: \(ImageError.tooLarge(bytes: size))")
        }
        guard let handle = FileHandle(forReadingAtPath: real) else { throw refuse("cannot be read") }
        defer { try? handle.close() }
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

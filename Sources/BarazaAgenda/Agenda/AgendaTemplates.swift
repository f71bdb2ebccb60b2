import Foundation
import Mustache

/// The page template and its partials, read once from the module's resources.
///
/// `agenda.html.mustache` is the page; `agenda.css` and `agenda.js` are inlined into it as the partials `style`
/// and `script` so the written page needs no other file; `text.mustache` renders text in one or both languages.
enum AgendaTemplates {
    /// The loaded library, or why it could not be loaded.
    static let library: Result<MustacheLibrary, AgendaError> = load()

    private static func load() -> Result<MustacheLibrary, AgendaError> {
        var library = MustacheLibrary()
        let files = [
            ("agenda", "agenda.html", "mustache"), ("style", "agenda", "css"), ("script", "agenda", "js"),
            ("text", "text", "mustache"),
        ]
        for (name, resource, ext) in files {
            guard let url = Bundle.module.url(forResource: resource, withExtension: ext, subdirectory: "Resources"),
                let data = FileManager.default.contents(atPath: url.path)
            else { return .failure(.missingResource("\(resource).\(ext)")) }
            var text = String(decoding: data, as: UTF8.self)
            // A partial's final newline would otherwise be doubled where it is included.
            if name != "agenda", text.hasSuffix("\n") { text.removeLast() }
            do {
                try library.register(text, named: name)
            } catch {
                return .failure(.invalidTemplate("\(resource).\(ext)", detail: "\(error)"))
            }
        }
        return .success(library)
    }
}

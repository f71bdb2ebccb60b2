import BarazaFolder
import BarazaModel
import Foundation

extension WorkspaceLoader {
    /// The `placements:` entries of a file `baraza propose` wrote (`proposed.yaml`, named by `relative` inside the
    /// workspace at `directory`), read on its own rather than as part of the workspace: the previous proposal, to
    /// compare with and to start from. Nil when there is no such file. Read inside the workspace only, like every
    /// file of it (see `WorkspaceFolder`).
    public func readPlacements(in directory: String, file relative: String) throws(WorkspaceLoadFailure)
        -> [Placement]?
    {
        let diagnostics = Diagnostics()
        let folder: WorkspaceFolder
        let entry: WorkspaceFolder.Entry
        do {
            folder = try WorkspaceFolder(directory)
            entry = try folder.entry(relative)
        } catch {
            throw WorkspaceLoadFailure(errors: [.unreadable(file: error.path, reason: error.reason)])
        }
        guard entry.exists else { return nil }
        guard let root = readFile(entry, in: folder, allowEmpty: true, diagnostics: diagnostics) else {
            if diagnostics.errors.isEmpty { return [] }
            throw WorkspaceLoadFailure(errors: diagnostics.errors)
        }
        let context = folder.display(entry.relative)
        let placements = (root.fields(["placements"], context: context)?["placements"]?.list() ?? [])
            .compactMap { decodePlacement($0) }
        guard diagnostics.errors.isEmpty else { throw WorkspaceLoadFailure(errors: diagnostics.errors) }
        return placements
    }
}

/// Adds a file to the `include:` list of an `event.yaml`, changing nothing else in the text (comments, order,
/// quoting stay as written).
public enum IncludeEditor {
    /// The text with `file` added to its top-level `include:` list; nil when the list has it already. Throws when
    /// the text is not a readable `event.yaml` (`path` names it in the error).
    public static func adding(_ file: String, to text: String, path: String) throws(WorkspaceLoadFailure) -> String? {
        func failure(_ problem: String) -> WorkspaceLoadFailure {
            WorkspaceLoadFailure(errors: [.unreadable(file: path, reason: problem)])
        }
        let root: YAMLNode?
        do { root = try YAMLComposer.compose(text) } catch { throw failure("not valid YAML; fix it first") }
        guard case .mapping(let mapping)? = root else { throw failure("expected a mapping with `event:` at the top") }
        var lines = text.components(separatedBy: "\n")
        let newline = text.contains("\r\n") ? "\r" : ""
        guard let pair = mapping.pairs.first(where: { $0.key.scalar?.string == "include" }) else {
            var out = text
            if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
            return out + "\ninclude:\(newline)\n  - \(file)\(newline)\n"
        }
        switch pair.value {
        case .sequence(let seq):
            if seq.items.contains(where: { YAMLValue.trimmed($0.scalar?.string ?? "") == file }) { return nil }
            guard let last = seq.items.last else {
                // `include: []`: the list is written in flow style with nothing in it.
                let line = seq.mark.line - 1
                lines[line] = lines[line].replacingOccurrences(of: "[]", with: "[\(file)]")
                return lines.joined(separator: "\n")
            }
            let line = last.mark.line - 1
            let scalars = Array(lines[line].unicodeScalars)
            if seq.isFlow {
                // Insert before the closing bracket that follows the last item.
                var index = last.mark.column - 1
                var row = line
                while true {
                    let chars = Array(lines[row].unicodeScalars)
                    if let close = chars[min(index, chars.count)...].firstIndex(of: "]") {
                        let before = String(String.UnicodeScalarView(chars[..<close]))
                        let after = String(String.UnicodeScalarView(chars[close...]))
                        lines[row] = before + ", \(file)" + after
                        return lines.joined(separator: "\n")
                    }
                    row += 1
                    index = 0
                    guard row < lines.count else { throw failure("could not find the end of the `include:` list") }
                }
            }
            // A block list: a new `- file` line after the last item, indented like it.
            let prefix = String(String.UnicodeScalarView(scalars.prefix(last.mark.column - 1)))
            lines.insert(prefix + file + newline, at: line + 1)
            return lines.joined(separator: "\n")
        case .scalar(let scalar):
            let line = scalar.mark.line - 1
            if YAMLValue.trimmed(scalar.string) == file { return nil }
            if scalar.isPlain && ["", "~", "null"].contains(scalar.string) {
                let keyLine = pair.key.mark.line - 1
                lines[keyLine] = lines[keyLine].replacingOccurrences(of: "include:", with: "include: [\(file)]")
                if scalar.string == "~" || scalar.string == "null" {
                    lines[keyLine] = lines[keyLine].replacingOccurrences(of: " \(scalar.string)", with: "")
                }
                return lines.joined(separator: "\n")
            }
            lines[line] = lines[line].replacingOccurrences(of: scalar.string, with: "[\(scalar.string), \(file)]")
            return lines.joined(separator: "\n")
        case .mapping:
            throw failure("`include:` is a mapping; expected a list of files")
        }
    }
}

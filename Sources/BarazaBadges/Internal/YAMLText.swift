import BarazaModel
import BarazaOutput
import Foundation
import Yams

/// Reading and writing the two small YAML files badges keep in the workspace, with errors that point at
/// line and column.
enum YAMLText {
    /// `text` as a double-quoted, escaped YAML scalar: ``YAMLScalar``, the writer the imports use too.
    static func quoted(_ text: String) -> String { YAMLScalar.quoted(text) }

    /// The root node of `data`, a YAML document.
    static func document(_ data: Data, file: String) throws(BadgeError) -> Node {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidFile(SourceLocation(file: file, line: 1, column: 1), field: "", expected: "UTF-8 text")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw BadgeError.invalidFile(
                    SourceLocation(file: file, line: 1, column: 1), field: "", expected: "a mapping, not empty")
            }
            return node
        } catch let error as BadgeError {
            throw error
        } catch let error as YamlError {
            throw .invalidFile(location(of: error, file: file), field: "", expected: "valid YAML")
        } catch {
            throw .invalidFile(SourceLocation(file: file, line: 1, column: 1), field: "", expected: "valid YAML")
        }
    }

    private static func location(of error: YamlError, file: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            SourceLocation(file: file, line: mark.line, column: mark.column)
        default:
            SourceLocation(file: file, line: 1, column: 1)
        }
    }
}

extension Node {
    func location(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// The entries of a mapping by key; any key outside `allowed` is an error.
    func mapping(file: String, field: String, allowed: [String]) throws(BadgeError) -> [String: Node] {
        guard case .mapping(let mapping) = self else {
            throw .invalidFile(
                location(file), field: field, expected: "a mapping with \(allowed.joined(separator: ", "))")
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string, allowed.contains(name) else {
                // A key is quoted in the error, but at most a short excerpt of it.
                let written = key.scalar?.string ?? ""
                let name =
                    written.count > 60 || written.contains("\n")
                    ? "\(written.prefix { $0 != "\n" }.prefix(40))…" : written
                let shown = field.isEmpty ? name : "\(field).\(name)"
                throw .invalidFile(
                    key.location(file), field: shown,
                    expected: "absent (known keys: \(allowed.joined(separator: ", ")))")
            }
            result[name] = value
        }
        return result
    }

    /// A list of non-empty strings.
    func strings(file: String, field: String, expected: String) throws(BadgeError) -> [String] {
        guard case .sequence(let sequence) = self else {
            throw .invalidFile(location(file), field: field, expected: expected)
        }
        var result: [String] = []
        for (index, item) in sequence.enumerated() {
            guard let text = item.scalar?.string, !text.isEmpty else {
                throw .invalidFile(item.location(file), field: "\(field)[\(index)]", expected: "non-empty text")
            }
            result.append(text)
        }
        return result
    }
}

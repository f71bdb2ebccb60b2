import BarazaOutput

/// How badges write the small YAML files they keep in the workspace (the workspace loader reads them).
enum YAMLText {
    /// `text` as a double-quoted, escaped YAML scalar: ``YAMLScalar``, the writer the imports use too.
    static func quoted(_ text: String) -> String { YAMLScalar.quoted(text) }
}

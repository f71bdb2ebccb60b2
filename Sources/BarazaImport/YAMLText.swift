import BarazaOutput

/// The import's name for ``YAMLScalar`` (BarazaOutput), the one YAML scalar writer: generated workspace files
/// double-quote and escape every free-text scalar.
typealias YAMLText = YAMLScalar

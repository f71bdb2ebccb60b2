import Testing

@testable import BarazaOutput

/// The one YAML scalar writer: free text always double-quoted, and every character that could change a
/// document's structure or vanish on the way escaped.
struct YAMLScalarTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("Amina \"Uwase\"", #""Amina \"Uwase\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak\ttab\rreturn", #""line\nbreak\ttab\rreturn""#),
        ("bell\u{07}", #""bell\u0007""#),
        ("delete\u{7F}", #""delete\u007F""#),
        ("next line\u{85}", #""next line\u0085""#),
        ("separator\u{2028}\u{2029}", #""separator\u2028\u2029""#),
        ("\u{FEFF}bom", #""\uFEFFbom""#),
        ("Sèmè-Podji, الجلسة", #""Sèmè-Podji, الجلسة""#),
        ("key: value # not a comment", #""key: value # not a comment""#),
    ])
    func quoted(_ text: String, _ expected: String) {
        #expect(YAMLScalar.quoted(text) == expected)
    }

    @Test func aListIsAFlowSequenceOfQuotedScalars() {
        #expect(YAMLScalar.list(["en", "fr\n"]) == #"["en", "fr\n"]"#)
        #expect(YAMLScalar.list([]) == "[]")
    }
}

import Testing

@testable import BarazaAgenda

/// `SessionArticle` escapes as the template engine does for ordinary text, and also where the engine, which
/// compares whole characters, would leave a quote followed by a combining mark as it is inside an attribute.
@Suite struct SessionArticleTests {
    @Test func escapesTheFiveCharactersOnly() {
        let article = SessionArticle(labels: [:])
        #expect(article.escaped("Café & <b>\"x\"</b> l'été") == "Café &amp; &lt;b&gt;&quot;x&quot;&lt;/b&gt; l&#39;été")
        #expect(article.escaped("plain: déjà vu, 東京") == "plain: déjà vu, 東京")
        #expect(article.escaped("\"\u{301} onmouseover=x") == "&quot;\u{301} onmouseover=x")
        #expect(article.escaped("'\u{301}") == "&#39;\u{301}")
    }
}

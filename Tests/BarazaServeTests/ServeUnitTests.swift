import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaServe

@Suite struct FeedKeysTests {
    @Test func tokensAreLongStableAndDifferPerPersonEpochAndSecret() {
        var keys = FeedKeys.generate()
        let token = keys.token(event: "e", person: "amina")
        #expect(token.count == 32)  // 24 bytes: 192 bits
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(keys.token(event: "e", person: "amina") == token)
        #expect(keys.token(event: "e", person: "kossi") != token)
        #expect(keys.token(event: "f", person: "amina") != token)
        keys.revoke(person: "amina")
        #expect(keys.token(event: "e", person: "amina") != token)
        let kossi = keys.token(event: "e", person: "kossi")
        keys.rotate()
        #expect(keys.token(event: "e", person: "kossi") != kossi)
    }

    @Test func keysAreSavedOwnerOnlyAndReadBack() throws {
        let folder = ScratchFolders.url("keys").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let keys = try FeedKeys.loadOrCreate(in: folder)
        #expect(try FeedKeys.loadOrCreate(in: folder) == keys)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + FeedKeys.fileName)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        try Data("{\"format\":1,\"secret\":\"zz\",\"epochs\":{}}".utf8).write(
            to: URL(fileURLWithPath: folder + "/" + FeedKeys.fileName))
        #expect(throws: ServeError.self) { try FeedKeys.load(in: folder) }
    }

    @Test func constantTimeComparisonComparesEveryByte() {
        #expect(Snapshot.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!Snapshot.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!Snapshot.constantTimeEqual(Array("abc".utf8), Array("ab".utf8)))
    }
}

@Suite struct HTTPDateTests {
    @Test(arguments: [
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"), (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (1_709_164_800, "Thu, 29 Feb 2024 00:00:00 GMT"), (1_805_760_000, "Tue, 23 Mar 2027 00:00:00 GMT"),
    ])
    func formatsAndParsesIMFFixdate(seconds: Int, text: String) {
        #expect(HTTPDate.format(seconds) == text)
        #expect(HTTPDate.parse(text) == seconds)
    }

    @Test(arguments: [
        "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "", "Sun, 06 Nov 1994 25:00:00 GMT",
    ])
    func refusesOtherForms(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }
}

@Suite struct PathTests {
    @Test(arguments: [
        "/calendars/../event.yaml", "/%2e%2e/x", "/a/%2F/b", "/a%5Cb", "/a\\b", "//x", "/a//b", "/./x", "/x%00", "/%zz",
        "relative", "/%C3",
    ])
    func refusesAnythingThatCouldLeaveTheServedNames(path: String) {
        #expect(FeedRouter.decodedPath(Substring(path)) == nil)
    }

    @Test func decodesPercentEscapesOnce() {
        #expect(FeedRouter.decodedPath("/calendars/rooms/salle%40kcc.ics") == "/calendars/rooms/salle@kcc.ics")
        #expect(FeedRouter.decodedPath("/agenda/") == "/agenda/")
        #expect(FeedRouter.decodedPath("/a%2541") == "/a%41")
    }

    @Test func thePolicyAllowsExactlyThePagesScriptsByHash() {
        let page = Data("<html><script>alert(1)</script><p>x</p><script>go()</script></html>".utf8)
        let policy = ContentSecurity.policy(forPage: page)
        #expect(ContentSecurity.scripts(in: page).map { String(decoding: $0, as: UTF8.self) } == ["alert(1)", "go()"])
        #expect(policy.contains("script-src 'sha256-"))
        #expect(policy.components(separatedBy: "'sha256-").count == 3)
        #expect(!policy.contains("script-src 'unsafe-inline'"))
    }
}

@Suite struct PackedBodiesTests {
    @Test func packedBodiesKeepTheirBytesAndOrderAcrossBuffers() {
        // Enough 3 KB bodies to fill two buffers and start a third, and one too large to share.
        var bodies = (0..<3000).map { index in Data(repeating: UInt8(index % 251), count: 3000 + index % 7) }
        bodies.insert(Data(repeating: 7, count: Resource.packSize / 2), at: 1500)
        let slices = Resource.packed(bodies)
        #expect(slices.count == bodies.count)
        #expect(zip(slices, bodies).allSatisfy { Data($0.readableBytesView) == $1 })
        // The small ones lie one after another in shared storage: a buffer's worth per allocation, not one each.
        let starts = slices.map { $0.withVeryUnsafeBytes { Int(bitPattern: $0.baseAddress) } }
        let following = (0..<1499).filter { starts[$0 + 1] == starts[$0] + bodies[$0].count }.count
        #expect(following >= 1499 - 1)
        #expect(slices[1500].readableBytes == Resource.packSize / 2)
    }

    @Test func searchWordsMatchFoldedTextAnywhere() {
        let text = Array(ProgrammeSearch.fold("Cartographie communautaire — Leïla Ben Salah").utf8)
        for word in ["leila", "BEN", "communau", "cartographie"] {
            #expect(ProgrammeSearch.contains(text, Array(ProgrammeSearch.fold(word).utf8)), "\(word)")
        }
        #expect(!ProgrammeSearch.contains(text, Array("leilah".utf8)))
        #expect(!ProgrammeSearch.contains(Array("ab".utf8), Array("abc".utf8)))
    }
}

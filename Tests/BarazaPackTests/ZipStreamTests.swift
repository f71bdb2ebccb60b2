import Foundation
import Testing
import ZIPFoundation

@testable import BarazaPack

/// `ZipStream` writes the zips of packs itself (so an entry compressed once can be copied into many packs); it
/// must give the bytes ZIPFoundation's `Archive` gives for the same entries, which the packs were made with before.
@Suite("Zip writing")
struct ZipStreamTests {
    /// Pseudo-random bytes from a fixed seed (which deflate cannot shrink), then repetitive text (which it can).
    static func bytes(_ count: Int, seed: UInt64) -> Data {
        var state = seed
        var out = Data(capacity: count)
        while out.count < count / 2 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        let line = Data("<tr><td>Awa Ndiaye</td><td>Dakar</td><td>Sénégal</td></tr>\n".utf8)
        while out.count < count { out.append(line.prefix(count - out.count)) }
        return out
    }

    @Test("Stored, deflated, streamed from disk and prepared entries: the same bytes as ZIPFoundation's Archive")
    func sameBytesAsArchive() throws {
        let scratch = try Scratch()
        let material = scratch.path("slides.pdf")
        try Self.bytes(300_000, seed: 7).write(to: URL(fileURLWithPath: material))
        let notes = scratch.path("notes.md")
        try Self.bytes(200_000, seed: 9).write(to: URL(fileURLWithPath: notes))
        let agenda = Self.bytes(1_000_000, seed: 3)
        let entries: [(path: String, data: Data, type: String, content: PackEntry.Content)] = [
            ("index.html", Self.bytes(70_000, seed: 1), "text/html", .data(Self.bytes(70_000, seed: 1))),
            ("agenda/agenda.html", agenda, "text/html", .prepared(try PreparedContent(agenda, deflates: true))),
            ("attendance/empty.csv", Data(), "text/csv", .data(Data())),
            ("certificates/é.pdf", Self.bytes(65_536, seed: 4), "application/pdf", .data(Self.bytes(65_536, seed: 4))),
            (
                "logo.png", Self.bytes(1_000, seed: 5), "image/png",
                .prepared(try PreparedContent(Self.bytes(1_000, seed: 5), deflates: false))
            ),
            (
                "materials/notes.md", try Data(contentsOf: URL(fileURLWithPath: notes)), "text/markdown",
                .file(path: notes, size: 200_000)
            ),
            (
                "materials/slides.pdf", try Data(contentsOf: URL(fileURLWithPath: material)), "application/pdf",
                .file(path: material, size: 300_000)
            ),
            ("manifest.json", Data("{}\n".utf8), "application/json", .generated { Data("{}\n".utf8) }),
        ]
        let date = Date(timeIntervalSince1970: 1_805_932_800)  // 2027-03-24 00:00 UTC

        let reference = scratch.url.appendingPathComponent("archive.zip")
        let archive = try Archive(url: reference, accessMode: .create)
        for e in entries {
            try archive.addEntry(
                with: e.path, type: .file, uncompressedSize: Int64(e.data.count), modificationDate: date,
                permissions: 0o644, compressionMethod: PackEntry.compresses(e.type) ? .deflate : .none,
                bufferSize: DeterministicZip.chunkSize
            ) { position, size in e.data.subdata(in: Int(position)..<min(Int(position) + size, e.data.count)) }
        }

        let streamed = scratch.url.appendingPathComponent("stream.zip")
        let zip = try ZipStream(streamed, modificationDate: date)
        for e in entries {
            let written = try zip.add(
                PackEntry(path: e.path, content: e.content, mediaType: e.type, tags: [], languages: []))
            let digest = StreamingHash()
            digest.update(e.data)
            #expect(written.sha256 == digest.hexDigest(), "\(e.path)")
        }
        try zip.finish()
        let a = try Data(contentsOf: reference)
        let b = try Data(contentsOf: streamed)
        #expect(a.count == b.count)
        #expect(a == b)
        try DeterministicZip.checkComplete(streamed)
        let read = try ZipContents(streamed.path)
        #expect(read.names == entries.map(\.path))
        for e in entries { #expect(read.data[e.path] == e.data, "\(e.path)") }
    }

    @Test("A material that changes size while it is zipped is refused")
    func materialThatShrank() throws {
        let scratch = try Scratch()
        let material = scratch.path("slides.pdf")
        try Self.bytes(1_000, seed: 2).write(to: URL(fileURLWithPath: material))
        let zip = try ZipStream(scratch.url.appendingPathComponent("out.zip"), modificationDate: Date())
        defer { zip.abandon() }
        #expect {
            try zip.add(
                PackEntry(
                    path: "slides.pdf", content: .file(path: material, size: 2_000), mediaType: "application/pdf",
                    tags: [], languages: []))
        } throws: { error in
            guard case .pack(.materialChanged) = error as? ZipStream.Failure else { return false }
            return true
        }
    }
}

import BarazaModel
import BarazaTestSupport
import Foundation
import Testing

@testable import BarazaXML

/// Reads a whole document through the stream reader, collecting the nodes.
func readNodes(_ xml: String, limits: XMLLimits = .default) throws -> [XMLNode] {
    try readNodes(bytes: Array(xml.utf8), limits: limits)
}

func readNodes(bytes: [UInt8], limits: XMLLimits = .default) throws -> [XMLNode] {
    let reader = try XMLStreamReader(bytes: bytes, sourceName: "test.xml", limits: limits)
    var nodes: [XMLNode] = []
    while let node = try reader.next() { nodes.append(node) }
    return nodes
}

/// The concatenated character data of a node list.
func allText(_ nodes: [XMLNode]) -> String {
    nodes.filter { $0.kind == .text || $0.kind == .cdata }.map(\.text).joined()
}

/// Peak resident set size of this process so far, in bytes.
func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss * 1024
}

/// Runs `body` and returns the error it threw, failing the test if it did not throw an `XMLImportError`.
func importError(_ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation)
    -> XMLImportError?
{
    do {
        try body()
        Issue.record("expected an XMLImportError, got success", sourceLocation: sourceLocation)
        return nil
    } catch let error as XMLImportError {
        return error
    } catch {
        Issue.record("expected an XMLImportError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The directory holding the shared real-world samples.
let registrationSamples = URL(fileURLWithPath: "/work/shared/data/registrations")

/// The fixtures copied next to the tests.
let fixturesDirectory: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

/// A scratch directory unique to one test.
func makeScratchDirectory() throws -> URL {
    let url = ScratchFolders.url("baraza-xml")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

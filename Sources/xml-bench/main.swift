// Streams an ODK registrations export through ODKSubmissionReader and prints what it read.
// Usage: xml-bench FILE        (compare with: xmllint --stream --noout FILE, both under /usr/bin/time -v)
import BarazaXML

#if canImport(Glibc)
    import Glibc
#endif

func printError(_ message: String) {
    var standardError = FileStream(descriptor: 2)
    print(message, to: &standardError)
}

struct FileStream: TextOutputStream {
    let descriptor: Int32
    mutating func write(_ string: String) {
        var copy = string
        copy.withUTF8 { _ = Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}

let arguments = CommandLine.arguments
if arguments.count == 3 && arguments[1] == "--nodes-only" {
    // Baseline: the hardened stream reader alone, building no records.
    do {
        let reader = try XMLStreamReader(contentsOf: arguments[2], dropsBlankText: true)
        var nodes = 0
        while try reader.read() { nodes += 1 }
        print("nodes: \(nodes)")
        exit(0)
    } catch {
        printError("xml-bench: \(error)")
        exit(1)
    }
}

guard arguments.count == 2 else {
    printError("usage: xml-bench registrations.xml")
    exit(2)
}

do {
    // As the import reads: compact batches of records.
    let reader = try ODKSubmissionReader(contentsOf: arguments[1])
    var records = 0
    var fields = 0
    var withID = 0
    var lastSubmitted = ""
    while let batch = try reader.nextBatch(limit: 256) {
        records += batch.count
        fields += batch.fields.count
        for entry in batch.entries {
            if entry.recordID != nil { withID += 1 }
            if let submitted = entry.submittedAt { lastSubmitted = batch.text(submitted) }
        }
    }
    print("records: \(records) fields: \(fields) with instanceID: \(withID) last submittedAt: \(lastSubmitted)")
} catch {
    printError("xml-bench: \(error)")
    exit(1)
}

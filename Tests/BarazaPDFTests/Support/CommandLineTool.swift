import Foundation

/// Runs one of the poppler / zbar tools the render tests check output with.
enum CommandLineTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `executable` (looked up in /usr/bin, then /usr/local/bin) and returns its standard output.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let candidates = ["/usr/bin/\(executable)", "/usr/local/bin/\(executable)"]
        guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(description: "\(executable) is not installed (apt-get install poppler-utils zbar-tools)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

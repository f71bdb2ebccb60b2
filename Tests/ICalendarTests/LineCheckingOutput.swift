/// A sink that keeps nothing: it checks each physical line as it streams past and counts them.
struct LineCheckingOutput: TextOutputStream {
    var lines = 0
    var octets = 0
    var longestLine = 0
    var bareLineFeeds = 0
    private var currentLine = 0
    private var previousWasCR = false

    mutating func write(_ string: String) {
        for byte in string.utf8 {
            octets += 1
            if byte == UInt8(ascii: "\n") {
                if !previousWasCR { bareLineFeeds += 1 }
                longestLine = max(longestLine, currentLine - 1)  // minus the CR
                currentLine = 0
                lines += 1
            } else {
                currentLine += 1
            }
            previousWasCR = byte == UInt8(ascii: "\r")
        }
    }
}

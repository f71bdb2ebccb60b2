import Testing

@testable import BarazaPDF

@Suite("QR code encoding")
struct QRCodeTests {
    @Test("A short payload fits version 1 (21 × 21 modules)")
    func shortPayloadIsVersionOne() throws {
        let code = try QRCode(encoding: "HELLO")
        #expect(code.version == 1)
        #expect(code.size == 21)
    }

    @Test("A typical participant id needs version 3 at level M (29 × 29 modules)")
    func participantIdSize() throws {
        // 36 bytes: more than version 2-M holds in byte mode (26), within version 3-M (42).
        let code = try QRCode(encoding: "baraza:p:7f3c9a2e-5b1d-4e8f-a6c0-2d9e")
        #expect(code.version == 3)
        #expect(code.size == 29)
    }

    @Test("Finder patterns sit in three corners")
    func finderPatterns() throws {
        let code = try QRCode(encoding: "baraza")
        let last = code.size - 1
        for (row, column) in [(0, 0), (0, last), (last, 0)] {
            #expect(code[row, column])
        }
        // The separator just inside the top-left finder pattern is light.
        #expect(!code[1, 1])
    }

    @Test("Encoding is deterministic")
    func deterministic() throws {
        #expect(try QRCode(encoding: "Conceição") == QRCode(encoding: "Conceição"))
    }

    @Test("An oversized payload is refused")
    func oversized() {
        #expect(throws: QRCodeError.payloadTooLong(byteCount: 3_000)) {
            try QRCode(encoding: String(repeating: "x", count: 3_000))
        }
    }
}

/// The search's random numbers: SplitMix64, seeded from `--seed`, so the same seed gives the same moves on any
/// machine (Swift's own generator is seeded by the system and differs from run to run).
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (0 < n < 2³²), by multiply-shift: no modulo bias worth speaking of at these sizes.
    /// (Shifts bind tighter than `&*` in Swift, hence the parentheses.)
    mutating func below(_ n: Int) -> Int { Int(((next() >> 32) &* UInt64(n)) >> 32) }

    /// True with probability `percent` in 100.
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

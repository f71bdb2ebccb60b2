import Testing

@testable import BarazaPropose

/// The search's random numbers: every value of a range comes up, evenly enough, and only those.
struct SplitMixTests {
    @Test(arguments: [1, 2, 3, 7, 100, 1_000])
    func belowDrawsEveryValueOfTheRangeAndNothingElse(_ n: Int) {
        var random = SplitMix(seed: 9)
        var counts = Array(repeating: 0, count: n)
        let draws = n * 200
        for _ in 0..<draws {
            let k = random.below(n)
            #expect((0..<n).contains(k))
            if (0..<n).contains(k) { counts[k] += 1 }
        }
        // 200 expected per value: a fair generator stays well within half and twice that.
        #expect(counts.allSatisfy { $0 > 100 && $0 < 400 }, "\(counts.min()!)...\(counts.max()!)")
    }

    @Test func theSameSeedGivesTheSameNumbersAndAnotherSeedOthers() {
        var a = SplitMix(seed: 5)
        var b = SplitMix(seed: 5)
        var c = SplitMix(seed: 6)
        let x = (0..<20).map { _ in a.next() }
        #expect(x == (0..<20).map { _ in b.next() })
        #expect(x != (0..<20).map { _ in c.next() })
    }
}

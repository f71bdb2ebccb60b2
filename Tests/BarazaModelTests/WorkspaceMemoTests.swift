import BarazaModel
import Dispatch
import Foundation
import Testing

/// A check run's memo makes each value once, whichever rules ask for it at the same time.
struct WorkspaceMemoTests {
    final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var made = 0
    }

    @Test func aValueIsMadeOnceForEveryThreadAskingForIt() {
        let memo = WorkspaceMemo()
        let counter = Counter()
        let seen = Counter()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let plan = memo.value("plan") { () -> [Int] in
                counter.lock.withLock { counter.made += 1 }
                return Array(0..<1000)
            }
            let other = memo.value("other-\(index % 2)") { index % 2 }
            seen.lock.withLock { seen.made += plan.count == 1000 && other == index % 2 ? 1 : 0 }
        }
        #expect(counter.made == 1)
        #expect(seen.made == 16)
    }

    @Test func dietaryAnswersMeanTheSameTheSecondTime() {
        for answer in ["Végétarienne", "aucun", "Allergie aux arachides", "something else", "  Halal "] {
            #expect(DietaryNeed.canonical(answer) == DietaryNeed.canonical(answer))
        }
        #expect(DietaryNeed.canonical("Végétarienne") == "vegetarian")
        #expect(DietaryNeed.canonical("aucun") == nil)
        #expect(DietaryNeed.canonical("Allergie aux arachides") == "allergy: arachides")
    }
}

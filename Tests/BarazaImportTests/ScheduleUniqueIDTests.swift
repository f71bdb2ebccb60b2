import Testing

@testable import BarazaImport

/// Ids the schedule import makes for rooms, speakers and sessions: the base when free, else the first free
/// `base-N` from 2, and every id handed out is taken from then on.
struct ScheduleUniqueIDTests {
    @Test func theBaseThenNumberedSuffixesInOrder() {
        var used: Set<String> = []
        let ids = ["plenary", "plenary", "plenary", "hall", "plenary-2", "plenary"].map {
            ScheduleImport.uniqueID(base: $0, used: &used)
        }
        #expect(ids == ["plenary", "plenary-2", "plenary-3", "hall", "plenary-2-2", "plenary-4"])
        #expect(used == Set(ids))
    }
}

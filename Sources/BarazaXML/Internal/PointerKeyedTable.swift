/// A small open-addressing hash table from 64-bit keys to `Int32`, for hot paths where `Dictionary`'s
/// seeded hashing shows up in profiles (interned name pointers, packed path keys).
struct PointerKeyedTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always) private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29) & mask
    }

    /// The value stored for `key` (never 0), or nil.
    func value(for key: UInt64) -> Int32? {
        var index = Self.slot(key, mask)
        while true {
            let stored = keys[index]
            if stored == key { return values[index] }
            if stored == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        var index = Self.slot(key, mask)
        while keys[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        if keys[index] == 0 { count += 1 }
        keys[index] = key
        values[index] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (index, key) in oldKeys.enumerated() where key != 0 { insert(oldValues[index], for: key) }
    }
}

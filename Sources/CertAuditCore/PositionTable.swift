/// Where the first element with each key is, in a collection that holds the keys itself: an
/// open-addressing table of 32-bit positions with at least twice as many slots as elements, the keys
/// read back from the collection when a slot is compared.
///
/// Why not `[String: Int]`: a dictionary keeps its own copy of every key beside the position, 24
/// bytes a slot — about 50 MB for a million certificates' IDs — where this keeps 4 (8 MB); the
/// estate's IDs are in its certificates already. Lookups are the same whatever the hash seed: a
/// slot only ever answers for a key equal to the one asked for.
public struct PositionTable: Sendable {
    /// A position, or `empty`.
    private let slots: [Int32]
    private static let empty: Int32 = -1

    /// `key(position)` is the key of the element at `position`, for each position below `count`.
    public init(count: Int, key: (Int) -> String) {
        precondition(count < Int(Int32.max), "positions are held in 32 bits")
        var capacity = 2
        while capacity < count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: Self.empty, count: capacity)
        let mask = capacity - 1
        for position in 0..<count {
            let wanted = key(position)
            var slot = wanted.hashValue & mask
            while slots[slot] != Self.empty, key(Int(slots[slot])) != wanted {
                slot = (slot + 1) & mask
            }
            // An equal key already there came first: it keeps its slot.
            if slots[slot] == Self.empty { slots[slot] = Int32(position) }
        }
        self.slots = slots
    }

    /// The position of the first element whose key is `wanted`, or nil; `key` as given to `init`.
    public func position(of wanted: String, key: (Int) -> String) -> Int? {
        let mask = slots.count - 1
        var slot = wanted.hashValue & mask
        while slots[slot] != Self.empty {
            let position = Int(slots[slot])
            if key(position) == wanted { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }
}

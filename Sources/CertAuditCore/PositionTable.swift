/// Where the first element with each key is, in a collection that holds the keys itself: an
/// open-addressing table of 32-bit positions with at least twice as many slots as elements, the keys
/// read back from the collection when a slot is compared.
///
/// Why not `[String: Int]`: a dictionary keeps its own copy of every key beside the position, 24
/// bytes a slot — about 50 MB for a million certificates' IDs — where this keeps 4 (8 MB); the
/// estate's IDs are in its certificates already. Lookups are the same whatever the hash seed: a
/// slot only ever answers for a key equal to the one asked for. An element whose key is nil has no
/// slot (a certificate without a bundle has no fingerprint).
public struct PositionTable: Sendable {
    /// A position, or `empty`.
    private let slots: [Int32]
    private static let empty: Int32 = -1
    /// How many distinct keys the elements have: fewer than the keyed elements when a key repeats.
    public let distinctCount: Int

    /// `key(position)` is the key of the element at `position`, for each position below `count`.
    public init<Key: Hashable>(count: Int, key: (Int) -> Key?) {
        precondition(count < Int(Int32.max), "positions are held in 32 bits")
        var capacity = 2
        while capacity < count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: Self.empty, count: capacity)
        var distinct = 0
        for position in 0..<count {
            guard let wanted = key(position) else { continue }
            let slot = Self.slot(of: wanted, in: slots, key: key)
            // An equal key already there came first: it keeps its slot.
            if slots[slot] == Self.empty {
                slots[slot] = Int32(position)
                distinct += 1
            }
        }
        self.slots = slots
        self.distinctCount = distinct
    }

    /// The position of the first element whose key is `wanted`, or nil; `key` as given to `init`.
    public func position<Key: Hashable>(of wanted: Key, key: (Int) -> Key?) -> Int? {
        let held = slots[Self.slot(of: wanted, in: slots, key: key)]
        return held == Self.empty ? nil : Int(held)
    }

    /// The slot that holds `wanted`'s position, or the empty one where it would go: the one probe
    /// that filling the table and looking a key up both follow.
    private static func slot<Key: Hashable>(of wanted: Key, in slots: [Int32], key: (Int) -> Key?) -> Int {
        let mask = slots.count - 1
        var slot = wanted.hashValue & mask
        while slots[slot] != empty, key(Int(slots[slot])) != wanted {
            slot = (slot + 1) & mask
        }
        return slot
    }
}

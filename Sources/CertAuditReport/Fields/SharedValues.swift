/// One renderer's values of a shared repeated field (`ItemsSharing`), made once per shared list and
/// handed again to each later row that holds the same list. Kept by one renderer on one thread, for
/// one file.
///
/// The lists are found by identity in a table of open addressing: an integer compared, no string
/// hashed and no row copied per row. Decision: at most `listLimit` lists are kept (alert policies
/// are tens to hundreds, an account holds at most 300); the rows of any further list make their own
/// values, as without sharing, so the memory stays bounded whatever the inputs hold.
final class SharedValues<Row, Value> {
    static var listLimit: Int { 4_096 }

    private let sharing: ItemsSharing<Row>
    private let make: (Row) -> Value
    /// By slot: the identity of the list made there (0: a free slot; no list's elements are at 0),
    /// a row holding that list (it keeps the list alive, so that no other list can take its place),
    /// and the value made for it. The table is at most half full.
    private var identities = [Int](repeating: 0, count: 16)
    private var keepers = [Row?](repeating: nil, count: 16)
    private var values = [Value?](repeating: nil, count: 16)
    private var count = 0

    init(_ sharing: ItemsSharing<Row>, make: @escaping (Row) -> Value) {
        self.sharing = sharing
        self.make = make
    }

    /// The row's value: the one made for an earlier row holding the same list, or made now.
    func value(of row: Row) -> Value {
        guard let identity = sharing.identity(row), identity != 0 else { return make(row) }
        var slot = Self.slot(of: identity, among: identities.count)
        while identities[slot] != 0 {
            if identities[slot] == identity, let value = values[slot] { return value }
            slot = (slot + 1) & (identities.count - 1)
        }
        let value = make(row)
        guard count < Self.listLimit else { return value }
        if 2 * (count + 1) > identities.count {
            grow()
            slot = freeSlot(for: identity)
        }
        (identities[slot], keepers[slot], values[slot]) = (identity, row, value)
        count += 1
        return value
    }

    /// The first slot to look at for `identity` in a table of `slots` (a power of two): Fibonacci
    /// hashing of the address without its low bits, which alignment leaves alike.
    private static func slot(of identity: Int, among slots: Int) -> Int {
        let mixed = (UInt(bitPattern: identity) >> 4) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> (UInt.bitWidth - slots.trailingZeroBitCount)) & (slots - 1)
    }

    /// The table at twice its size, every list moved to its slot there.
    private func grow() {
        let old = (identities, keepers, values)
        let slots = 2 * identities.count
        identities = [Int](repeating: 0, count: slots)
        keepers = [Row?](repeating: nil, count: slots)
        values = [Value?](repeating: nil, count: slots)
        for index in old.0.indices where old.0[index] != 0 {
            let slot = freeSlot(for: old.0[index])
            (identities[slot], keepers[slot], values[slot]) = (old.0[index], old.1[index], old.2[index])
        }
    }

    /// The first free slot from `identity`'s first: where a list not in the table goes.
    private func freeSlot(for identity: Int) -> Int {
        var slot = Self.slot(of: identity, among: identities.count)
        while identities[slot] != 0 { slot = (slot + 1) & (identities.count - 1) }
        return slot
    }

    /// How `field` is read by a renderer: through one `SharedValues` when its items are shared.
    static func reader(of field: ReportField<Row>, _ read: @escaping (Row) -> Value) -> (Row) -> Value {
        guard let sharing = field.sharing else { return read }
        return SharedValues(sharing, make: read).value(of:)
    }
}

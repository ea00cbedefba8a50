/// Says which rows of a section share the items of a repeated field, so that a renderer makes the
/// field's value once for all of them: the timeline's alerts, whose deliveries are one list per
/// alert policy for every day it fires (1.4 million alerts at 100,000 certificates, each made its
/// items or its CSV cell anew before).
///
/// Rows share their items when their lists are one array: the same storage, not merely equal lists.
/// A list's identity is where its elements are, which no other live array has; the renderer keeps a
/// row of each list it made a value for (`SharedValues`), so the storage stays alive, is never
/// written in place while shared, and a later row with the same identity holds the same elements.
/// Decision: the identity, not the policy's ID with a comparison of the lists, is the key: a string
/// hashed and a row copied out of a dictionary for every alert were about 0.2 s of CPU per file at
/// 100,000 certificates, and the simulation gives every alert of a policy its policy's one list.
public struct ItemsSharing<Row>: Sendable {
    /// The identity of the row's shared list; nil: the row's items are its own.
    let identity: @Sendable (Row) -> Int?

    /// `list` gives the row's list when rows may share it, else nil.
    public init<Item>(list: @escaping @Sendable (Row) -> [Item]?) {
        identity = { row in list(row).map(Self.identity(of:)) }
    }

    /// Where the list's elements are (all empty arrays share one place, and hold the same nothing).
    static func identity<Item>(of list: [Item]) -> Int {
        list.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }
}

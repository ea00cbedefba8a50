/// One renderer's values of a shared repeated field (`ItemsSharing`), made once per key and handed
/// again to each later row whose items are the same; a row of the same key whose items differ gets
/// its own, which then stands for the key. Kept by one renderer on one thread, for one file.
///
/// Decision: at most `keyLimit` keys are kept (alert policies are tens to hundreds); the rows of any
/// further key make their own values, as without sharing, so the memory stays bounded whatever the
/// inputs hold.
final class SharedValues<Row, Value> {
    static var keyLimit: Int { 4_096 }

    private let sharing: ItemsSharing<Row>
    private let make: (Row) -> Value
    private var made: [String: (row: Row, value: Value)] = [:]

    init(_ sharing: ItemsSharing<Row>, make: @escaping (Row) -> Value) {
        self.sharing = sharing
        self.make = make
    }

    /// The row's value: the one made for an earlier row of its key with the same items, or made now.
    func value(of row: Row) -> Value {
        guard let key = sharing.key(row) else { return make(row) }
        if let earlier = made[key], sharing.same(earlier.row, row) { return earlier.value }
        let value = make(row)
        if made.count < Self.keyLimit || made[key] != nil { made[key] = (row, value) }
        return value
    }

    /// How `field` is read by a renderer: through one `SharedValues` when its items are shared.
    static func reader(of field: ReportField<Row>, _ read: @escaping (Row) -> Value) -> (Row) -> Value {
        guard let sharing = field.sharing else { return read }
        return SharedValues(sharing, make: read).value(of:)
    }
}

import CertAuditCore

/// A table key equal to another only when its value has the same bytes (`ByteEquatable`): the
/// interner's tables hand a later row the first row's storage, and must never hand it a
/// canonically equivalent spelling in place of its own.
struct ByteExactKey<Value: ByteEquatable>: Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: ByteExactKey, rhs: ByteExactKey) -> Bool { lhs.value.hasSameBytes(as: rhs.value) }

    /// The value's own hash: same bytes hash alike because they are `==`.
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// An immutable value kept on the heap, so a field that is rarely present costs its owner one pointer
/// instead of its whole inline size (an absent `BundleFacts?` still takes 352 bytes inline). Compared
/// and hashed by value, so the owner keeps value semantics; setting the field makes a new box.
final class OutOfLine<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool { lhs === rhs || lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// An immutable value kept on the heap, so a large field costs its owner one pointer inline: an absent
/// `BundleFacts?` still takes over 300 bytes inline, and every copy of the owner copies them. Compared and
/// hashed by value, so the owner keeps value semantics; setting the field makes a new box.
final class OutOfLine<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool { lhs === rhs || lhs.value == rhs.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// An immutable value kept on the heap, so a large field costs its owner one pointer inline: an absent
/// `BundleFacts?` still takes some 177 bytes inline, and every copy of the owner copies them. Compared and
/// hashed by value, so the owner keeps value semantics; setting the field makes a new box.
public final class OutOfLine<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value

    public init(_ value: Value) { self.value = value }

    public static func == (lhs: OutOfLine, rhs: OutOfLine) -> Bool { lhs === rhs || lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension OutOfLine {
    /// A new box of this value after `change`: how an owner sets a field of a box it always has
    /// (`CertificateFacts`' profile, `BundleFacts`' conclusions).
    public func changed(_ change: (inout Value) -> Void) -> OutOfLine {
        var value = value
        change(&value)
        return OutOfLine(value)
    }

    /// `box` after `change` to its value (no box stands for `empty`): a new box, or none when the
    /// value is left `empty`, so that two owners with equal fields compare equal. How an owner sets
    /// each of the rarely set fields it keeps out of line (`TimelineEvent`, `CertificateRecord`).
    public static func changing(_ box: OutOfLine?, empty: Value, _ change: (inout Value) -> Void) -> OutOfLine? {
        var value = box?.value ?? empty
        change(&value)
        return value == empty ? nil : OutOfLine(value)
    }
}

extension OutOfLine: ByteEquatable where Value: ByteEquatable {
    public func hasSameBytes(as other: OutOfLine) -> Bool { self === other || value.hasSameBytes(as: other.value) }
}

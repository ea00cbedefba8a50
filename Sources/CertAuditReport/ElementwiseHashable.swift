/// A collection held in a compact form of its own (positions, keys, shared strings) that is equal
/// to another, and hashes, as its elements do in order: however each holds them, two with the same
/// findings are the same. `==` and `hash(into:)` for `BaselineFindings` and `ReportChangedFindings`.
protocol ElementwiseHashable: Collection, Hashable where Element: Hashable {}

extension ElementwiseHashable {
    /// The same elements in the same order.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.count == rhs.count && lhs.elementsEqual(rhs) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

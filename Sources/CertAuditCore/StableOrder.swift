extension Array where Element: Sendable {
    /// The positions of the elements in the order `areInIncreasingOrder` gives, equal elements in
    /// their input order (as `sort()` keeps them) — for `rearrange(by:)`. With two workers or more the
    /// two halves are ordered on two threads and merged (equal elements: the first half's first): the
    /// report's findings were ordered on one core while the other waited, the longest single-threaded
    /// step of the checks. The elements are compared in place, never copied for a comparison.
    public func stableOrder(workers: Int, by areInIncreasingOrder: @escaping @Sendable (Element, Element) -> Bool)
        -> [Int]
    {
        let elements = self
        @Sendable func order(_ range: Range<Int>) -> [Int] {
            elements.withUnsafeBufferPointer { buffer in
                range.sorted { areInIncreasingOrder(buffer[$0], buffer[$1]) }
            }
        }
        guard workers >= 2, count >= 2 else { return order(indices) }
        let middle = count / 2
        let (first, second) = concurrently(workers: workers, { order(0..<middle) }, { order(middle..<elements.count) })
        return elements.withUnsafeBufferPointer { buffer in
            var merged: [Int] = []
            merged.reserveCapacity(buffer.count)
            var left = 0
            var right = 0
            while left < first.count && right < second.count {
                // The second half's element goes first only when it is strictly before.
                if areInIncreasingOrder(buffer[second[right]], buffer[first[left]]) {
                    merged.append(second[right])
                    right += 1
                } else {
                    merged.append(first[left])
                    left += 1
                }
            }
            merged += first[left...]
            merged += second[right...]
            return merged
        }
    }
}

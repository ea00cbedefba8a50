extension Array where Element: Sendable {
    /// The positions of the elements in the order `areInIncreasingOrder` gives, equal elements in
    /// their input order (as `sort()` keeps them) — for `rearrange(by:)`. With two workers or more the
    /// two halves are ordered on two threads and merged (equal elements: the first half's first): the
    /// report's findings were ordered on one core while the other waited, the longest single-threaded
    /// step of the checks. The elements are compared in place, where they lie: `areInIncreasingOrder`
    /// is given their addresses, because an element handed over by value from the array's memory is
    /// copied for the call — for a finding, all its strings retained and released, in every one of a
    /// sort's millions of comparisons.
    public func stableOrder(
        workers: Int,
        by areInIncreasingOrder: @escaping @Sendable (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool
    ) -> [Int] {
        let elements = self
        @Sendable func order(_ range: Range<Int>) -> [Int] {
            elements.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return [] }
                return range.sorted { areInIncreasingOrder(base + $0, base + $1) }
            }
        }
        guard workers >= 2, count >= 2 else { return order(indices) }
        let middle = count / 2
        let (first, second) = concurrently(workers: workers, { order(0..<middle) }, { order(middle..<elements.count) })
        return elements.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var merged: [Int] = []
            merged.reserveCapacity(buffer.count)
            var left = 0
            var right = 0
            while left < first.count && right < second.count {
                // The second half's element goes first only when it is strictly before.
                if areInIncreasingOrder(base + second[right], base + first[left]) {
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

extension Array where Element: Sendable {
    /// The positions of the elements in the order `areInIncreasingOrder` gives, equal elements in
    /// their input order (as `sort()` keeps them) — for `rearrange(by:)`. With two workers or more the
    /// two halves are ordered on two threads and merged (equal elements: the first half's first): the
    /// report's findings were ordered on one core while the other waited, the longest single-threaded
    /// step of the checks. The elements are compared in place, where they lie: `areInIncreasingOrder`
    /// is given their addresses, because an element handed over by value from the array's memory is
    /// copied for the call — for a finding, all its strings retained and released, in every one of a
    /// sort's millions of comparisons. The positions are 32-bit: half the memory of `Int`s, which the
    /// halves and their merge hold at once at the checks' end (2.4 million findings at a million
    /// certificates: some 20 MB fewer at the run's height). No array here nears 2³¹ elements.
    public func stableOrder(
        workers: Int,
        by areInIncreasingOrder: @escaping @Sendable (UnsafePointer<Element>, UnsafePointer<Element>) -> Bool
    ) -> [Int32] {
        precondition(count <= Int32.max, "positions are 32-bit")
        let elements = self
        @Sendable func order(_ range: Range<Int>) -> [Int32] {
            elements.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return [] }
                return (Int32(range.lowerBound)..<Int32(range.upperBound)).sorted {
                    areInIncreasingOrder(base + Int($0), base + Int($1))
                }
            }
        }
        guard workers >= 2, count >= 2 else { return order(indices) }
        let middle = count / 2
        let (first, second) = concurrently(workers: workers, { order(0..<middle) }, { order(middle..<elements.count) })
        return elements.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var merged: [Int32] = []
            merged.reserveCapacity(buffer.count)
            var left = 0
            var right = 0
            while left < first.count && right < second.count {
                // The second half's element goes first only when it is strictly before.
                if areInIncreasingOrder(base + Int(second[right]), base + Int(first[left])) {
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

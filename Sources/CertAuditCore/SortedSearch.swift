extension Array {
    /// The first index whose element `isPast` is true for, in an array where every such element
    /// comes after every other one: found by halves, in log n calls.
    func partitioningIndex(where isPast: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isPast(self[middle]) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}

extension Array where Element: Comparable {
    /// Whether the array, sorted ascending, holds `value`: found by halves, in log n comparisons. A
    /// sorted array of a million values is their size; a set of them about twice that, its buckets
    /// a power of two and at most three quarters full.
    public func sortedContains(_ value: Element) -> Bool {
        let low = partitioningIndex { $0 >= value }
        return low < endIndex && self[low] == value
    }
}

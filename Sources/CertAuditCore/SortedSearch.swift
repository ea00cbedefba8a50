extension Array where Element: Comparable {
    /// Whether the array, sorted ascending, holds `value`: found by halves, in log n comparisons. A
    /// sorted array of a million values is their size; a set of them about twice that, its buckets
    /// a power of two and at most three quarters full.
    public func sortedContains(_ value: Element) -> Bool {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if self[middle] < value {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low < endIndex && self[low] == value
    }
}

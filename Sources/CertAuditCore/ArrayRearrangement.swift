extension Array {
    /// Rearranges the elements in place so that position `i` holds what was at `order[i]` (`order`
    /// a permutation of the indices). Each cycle of the permutation is followed once, so no element
    /// is ever held twice: sorting millions of large values on their positions and then calling
    /// this needs an array of integers besides them, where `sort` keeps a scratch copy of half the
    /// values (a million certificates' findings or timeline events: over a hundred megabytes).
    /// Positions of any signed width: `stableOrder` gives 32-bit ones.
    public mutating func rearrange<Position: FixedWidthInteger & SignedInteger>(by order: consuming [Position]) {
        precondition(order.count == count, "the order must name every position once")
        var order = order
        // Position `target` takes the element at `order[target]`: follow each cycle, marking a
        // position done by setting its entry to -1.
        for start in order.indices where order[start] >= 0 {
            var target = start
            let first = self[start]
            while Int(order[target]) != start {
                let source = Int(order[target])
                self[target] = self[source]
                order[target] = -1
                target = source
            }
            self[target] = first
            order[target] = -1
        }
    }
}

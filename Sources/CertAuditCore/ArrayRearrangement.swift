extension Array {
    /// Rearranges the elements in place so that position `i` holds what was at `order[i]` (`order`
    /// a permutation of the indices). Each cycle of the permutation is followed once, so no element
    /// is ever held twice: sorting millions of large values on their positions and then calling
    /// this needs an array of integers besides them, where `sort` keeps a scratch copy of half the
    /// values (a million certificates' findings or timeline events: over a hundred megabytes).
    public mutating func rearrange(by order: consuming [Int]) {
        precondition(order.count == count, "the order must name every position once")
        var order = order
        // Position `target` takes the element at `order[target]`: follow each cycle, marking a
        // position done by setting its entry to -1.
        for start in order.indices where order[start] >= 0 {
            var target = start
            let first = self[start]
            while order[target] != start {
                let source = order[target]
                self[target] = self[source]
                order[target] = -1
                target = source
            }
            self[target] = first
            order[target] = -1
        }
    }
}

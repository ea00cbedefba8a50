extension RenewalChain {
    /// A chain's generations, the inventory certificate's first: that one held in the chain itself,
    /// the successors (a chain renewed within the horizon) in an array. Most chains never renew
    /// within it, and an array each was a million small heap blocks at a million certificates, made
    /// at the run's start and freed at its end among the blocks the run keeps (the timeline's, the
    /// findings'): pages the allocator could then not give back.
    struct Generations: RandomAccessCollection, MutableCollection {
        private var first: Generation
        private var successors: [Generation] = []

        init(_ first: Generation) { self.first = first }

        var startIndex: Int { 0 }
        var endIndex: Int { successors.count + 1 }

        subscript(position: Int) -> Generation {
            get { position == 0 ? first : successors[position - 1] }
            set {
                if position == 0 {
                    first = newValue
                } else {
                    successors[position - 1] = newValue
                }
            }
        }

        mutating func append(_ generation: Generation) { successors.append(generation) }
    }
}

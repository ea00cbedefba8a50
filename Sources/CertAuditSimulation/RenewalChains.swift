/// The renewal chains of one simulation, by inventory certificate ID. Held in an array, in the
/// order they were added, with an index from ID to position: a dictionary of the chains themselves
/// (about 200 bytes each) keeps a third of its buckets empty and doubles as it grows, which at a
/// million certificates was over 400 MB per simulation; the index's buckets are 24 bytes.
///
/// Read and changed in place like a dictionary (`chains[id]?.plan = …`); a chain is never removed.
struct RenewalChains {
    private var chains: [RenewalChain?] = []
    private var positions: [String: Int] = [:]

    mutating func reserveCapacity(_ count: Int) {
        chains.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    subscript(id: String) -> RenewalChain? {
        get { positions[id].flatMap { chains[$0] } }
        _modify {
            if let position = positions[id] {
                yield &chains[position]
                precondition(chains[position] != nil, "a renewal chain is never removed")
            } else {
                var added: RenewalChain?
                yield &added
                if let added {
                    positions[id] = chains.count
                    chains.append(added)
                }
            }
        }
    }
}

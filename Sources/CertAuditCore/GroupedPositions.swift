/// The positions of one collection's elements grouped under positions of another — the resources
/// bound to each certificate — held as two flat arrays of 32-bit positions: where each group starts,
/// and the members of every group one after another, ascending within a group.
///
/// Why not `[String: [Int]]`: a dictionary keyed by certificate ID copies every ID and gives each
/// group an array of its own — about 50 MB for a million certificates' half a million bound
/// resources, held from the ingest to the end of the run — where this takes 4 bytes a group and 4 a
/// member (about 6 MB).
public struct GroupedPositions: Sendable {
    /// `starts[group]..<starts[group + 1]` is the group's range in `members`.
    private let starts: [Int32]
    private let members: [Int32]

    /// `group(member)` is the group of each member below `memberCount`, or nil when it is in none.
    public init(groups: Int, memberCount: Int, group: (Int) -> Int?) {
        precondition(memberCount < Int(Int32.max) && groups < Int(Int32.max), "positions are held in 32 bits")
        var starts = [Int32](repeating: 0, count: groups + 1)
        for member in 0..<memberCount {
            if let group = group(member) { starts[group + 1] += 1 }
        }
        for index in starts.indices.dropFirst() { starts[index] += starts[index - 1] }
        // Each group's next free place, filled in member order so that a group stays ascending.
        var next = starts
        var members = [Int32](repeating: 0, count: Int(starts[groups]))
        for member in 0..<memberCount {
            guard let group = group(member) else { continue }
            members[Int(next[group])] = Int32(member)
            next[group] += 1
        }
        self.starts = starts
        self.members = members
    }

    /// The members of `group`, ascending.
    public func members(of group: Int) -> [Int] {
        members[Int(starts[group])..<Int(starts[group + 1])].map(Int.init)
    }

    /// Whether `group` has no member.
    public func isEmpty(_ group: Int) -> Bool { starts[group] == starts[group + 1] }
}
